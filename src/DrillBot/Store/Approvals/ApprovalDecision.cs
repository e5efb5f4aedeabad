namespace DrillBot.Store.Approvals;

/// <summary>One approver's decision: <paramref name="Approved"/> true to approve, false to reject.</summary>
public sealed record ApprovalDecision(string ApproverId, string ApproverName, bool Approved, DateTimeOffset At);

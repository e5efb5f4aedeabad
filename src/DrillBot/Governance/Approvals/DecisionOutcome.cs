using DrillBot.Store.Approvals;

namespace DrillBot.Governance.Approvals;

/// <summary>How a click on Approve or Reject ended.</summary>
internal abstract record DecisionOutcome
{
    private DecisionOutcome()
    {
    }

    public sealed record NotFound(string ApprovalId) : DecisionOutcome;

    /// <summary>Recorded; the request is still pending (<see cref="ApprovalRequest.Approvals"/> of <see cref="ApprovalRequest.Required"/>).</summary>
    public sealed record Recorded(ApprovalRequest Request) : DecisionOutcome;

    /// <summary>This approval completed it: the run may start.</summary>
    public sealed record Approved(ApprovalRequest Request) : DecisionOutcome;

    public sealed record Rejected(ApprovalRequest Request) : DecisionOutcome;

    /// <summary>The requester tried to approve their own request.</summary>
    public sealed record SelfApproval(ApprovalRequest Request) : DecisionOutcome;

    /// <summary>The user is not among the approvers (<see cref="Problem"/>: a group could not be checked).</summary>
    public sealed record NotAnApprover(ApprovalRequest Request, string? Problem) : DecisionOutcome;

    public sealed record AlreadyDecided(ApprovalRequest Request) : DecisionOutcome;

    /// <summary>Approved, rejected, expired or used already: nothing changed.</summary>
    public sealed record Closed(ApprovalRequest Request) : DecisionOutcome;
}

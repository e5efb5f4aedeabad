namespace DrillBot.Slack.Handling;

/// <summary>How a click on Approve or Reject ended (the ephemeral answer to the clicker; the thread shows recorded decisions).</summary>
public abstract record SlackDecisionResult
{
    private SlackDecisionResult()
    {
    }

    public sealed record NotFound(string ApprovalId) : SlackDecisionResult;

    /// <summary>Recorded, still pending.</summary>
    public sealed record Recorded(string Drill, int Approvals, int Required) : SlackDecisionResult;

    /// <summary>Approved: <see cref="RunId"/> started, or <see cref="Refusal"/> says why not (or it runs through the API).</summary>
    public sealed record Approved(string Drill, string? RunId, string? Refusal) : SlackDecisionResult;

    public sealed record Rejected(string Drill) : SlackDecisionResult;

    public sealed record SelfApproval(string Drill) : SlackDecisionResult;

    public sealed record NotAnApprover(string Drill, IReadOnlyList<string> Approvers, string? Problem) : SlackDecisionResult;

    public sealed record AlreadyDecided(string Drill) : SlackDecisionResult;

    /// <summary>Approved, rejected, expired or used already (<see cref="Status"/>): nothing changed.</summary>
    public sealed record Closed(string Drill, string Status) : SlackDecisionResult;
}

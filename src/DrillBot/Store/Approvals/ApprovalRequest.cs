namespace DrillBot.Store.Approvals;

/// <summary>
/// A request to run a drill that needs approval (docs/service.md, "Approvals"). <see cref="RequesterId"/> is the Slack
/// user ID or <c>token:NAME</c> of whoever asked (never an approver of it); <see cref="AutoStart"/>: the run starts as
/// soon as it is approved (requests from Slack), else the API caller runs it with the approval id.
/// </summary>
public sealed record ApprovalRequest(
    string ApprovalId,
    string Drill,
    string RequestedBy,
    string RequesterId,
    string Source,
    int Required,
    IReadOnlyList<string> Approvers,
    bool AutoStart,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt)
{
    public ApprovalStatus Status { get; init; } = ApprovalStatus.Pending;

    /// <summary>A blackout override to apply when the run starts (asked with <c>--override-blackout</c>).</summary>
    public string? OverrideReason { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    public string? RunId { get; init; }

    public IReadOnlyList<ApprovalDecision> Decisions { get; init; } = [];

    /// <summary>Distinct approvers who approved.</summary>
    public int Approvals => Decisions.Count(d => d.Approved);
}

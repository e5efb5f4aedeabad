namespace DrillBot.Store.Audit;

/// <summary>
/// One event for the audit log (docs/store.md, "Audit log"): who (<see cref="Actor"/>), from where (<see cref="Source"/>:
/// <c>slack:U123</c>, <c>api-token:ci</c>, <c>schedule</c>, <c>cli:alice@laptop</c>, <c>service:replica-a</c>), what
/// (<see cref="Action"/>, e.g. <c>run.requested</c>, <c>approval.approved</c>, <c>freeze</c>, <c>change</c>), about
/// which drill, run or approval, and the details as a JSON object.
/// </summary>
public sealed record AuditEntry(string Actor, string Source, string Action, string DetailJson)
{
    public string? Drill { get; init; }

    public string? RunId { get; init; }

    public string? ApprovalId { get; init; }
}

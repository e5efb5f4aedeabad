using DrillBot.Drills.Running;
using DrillBot.Drills.Restore;
namespace DrillBot.Store.Runs;

/// <summary>A run as listings show it (no report).</summary>
public sealed record RunSummary(
    string RunId,
    string Drill,
    RunTrigger Trigger,
    RunStatus Status,
    Verdict? Verdict,
    RestoreStatus? RestoreStatus,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string OwnerInstance,
    TimeSpan? Recovery,
    string? Summary)
{
    /// <summary>The blackout a person overrode to start it (the reason is <see cref="RunTrigger.OverrideBlackoutReason"/>), or null.</summary>
    public string? OverrideBlackout { get; init; }

    /// <summary>The approval it ran under, or null.</summary>
    public string? ApprovalId { get; init; }
}

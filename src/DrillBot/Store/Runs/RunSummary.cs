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
    string? Summary);

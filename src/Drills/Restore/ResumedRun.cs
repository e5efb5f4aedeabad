using DrillBot.Drills.Journal;

namespace DrillBot.Drills.Restore;

/// <summary>An interrupted run whose changes were restored from the journal ("restored after an interrupted run").</summary>
public sealed record ResumedRun(JournalRun Run, RestoreResult Restore)
{
    /// <summary>How the drill leases were handled: taken over from the dead run, or clusters restored without their lease.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

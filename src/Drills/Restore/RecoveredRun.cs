using DrillBot.Drills.Journal;

namespace DrillBot.Drills.Restore;

/// <summary>An interrupted run whose changes were restored from the journal ("restored after an interrupted run").</summary>
public sealed record RecoveredRun(JournalRun Run, RestoreResult Restore);

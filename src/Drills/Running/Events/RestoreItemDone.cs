using DrillBot.Drills.Restore;

namespace DrillBot.Drills.Running.Events;

/// <summary>One object was restored (or could not be).</summary>
public sealed record RestoreItemDone(string RunId, string Drill, DateTimeOffset At, RestoreItemResult Item) : DrillEvent(RunId, Drill, At);

using DrillBot.Drills.Analysis;

namespace DrillBot.Drills.Running.Events;

/// <summary>A check's outcome became final (at the end of observation, or earlier when certain).</summary>
public sealed record CheckSettled(string RunId, string Drill, DateTimeOffset At, CheckResult Check) : DrillEvent(RunId, Drill, At);

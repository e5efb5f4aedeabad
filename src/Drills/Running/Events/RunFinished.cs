using DrillBot.Drills.Reports;

namespace DrillBot.Drills.Running.Events;

/// <summary>The run is over: restore done, lock released, report final.</summary>
public sealed record RunFinished(string RunId, string Drill, DateTimeOffset At, DrillReport Report) : DrillEvent(RunId, Drill, At);

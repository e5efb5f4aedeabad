using DrillBot.Drills.Running.Events;

namespace DrillBot.Runs.Events;

/// <summary>Raised by the service when someone asked to abort the run.</summary>
internal sealed record AbortRequested(string RunId, string Drill, DateTimeOffset At, string By) : DrillEvent(RunId, Drill, At);

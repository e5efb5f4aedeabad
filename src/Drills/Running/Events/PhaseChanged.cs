namespace DrillBot.Drills.Running.Events;

/// <summary>The run entered <paramref name="Phase"/>.</summary>
public sealed record PhaseChanged(string RunId, string Drill, DateTimeOffset At, RunPhase Phase) : DrillEvent(RunId, Drill, At);

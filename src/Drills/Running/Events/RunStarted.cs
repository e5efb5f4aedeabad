namespace DrillBot.Drills.Running.Events;

/// <summary>The run was accepted and begins its preflight.</summary>
public sealed record RunStarted(string RunId, string Drill, DateTimeOffset At, RunTrigger Trigger) : DrillEvent(RunId, Drill, At);

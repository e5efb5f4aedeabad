using DrillBot.Drills.Journal;

namespace DrillBot.Drills.Running.Events;

/// <summary>A step was acknowledged by the API server (or a wait ended). <paramref name="Fault"/>: this moment is t0.</summary>
public sealed record StepApplied(string RunId, string Drill, DateTimeOffset At, int Index, string Kind, string Description, ObjectRef? Target, bool Fault) : DrillEvent(RunId, Drill, At);

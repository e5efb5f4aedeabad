using DrillBot.Drills.Journal;

namespace DrillBot.Drills.Running.Events;

/// <summary>
/// A step was acknowledged by the API server (or a wait ended). <paramref name="Fault"/>: this moment is t0 — unless
/// <see cref="Control"/>: the step belongs to the control run before the real one (docs/drills-yaml.md#control).
/// </summary>
public sealed record StepApplied(string RunId, string Drill, DateTimeOffset At, int Index, string Kind, string Description, ObjectRef? Target, bool Fault) : DrillEvent(RunId, Drill, At)
{
    /// <summary>The step was applied by the control run (its fault is not the run's t0).</summary>
    public bool Control { get; init; }
}

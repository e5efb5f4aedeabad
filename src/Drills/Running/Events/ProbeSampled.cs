using DrillBot.Drills.Probing;

namespace DrillBot.Drills.Running.Events;

/// <summary>One probe sample completed (many per second: observers must be quick).</summary>
public sealed record ProbeSampled(string RunId, string Drill, DateTimeOffset At, ProbeSample Sample) : DrillEvent(RunId, Drill, At)
{
    /// <summary>The probe that took the sample, in a drill with <c>probes:</c>; null for the single <c>probe:</c>.</summary>
    public string? Probe { get; init; }
}

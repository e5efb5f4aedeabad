namespace DrillBot.Drills.Reports;

/// <summary>Every probe sample of the run, in send order; <see cref="TimelineSample.T"/> is seconds since <see cref="Start"/>.</summary>
public sealed record Timeline(DateTimeOffset Start, IReadOnlyList<TimelineSample> Samples);

/// <summary>One sample on the timeline: send offset (s), latency (ms), class, ok, HTTP status or error kind, late.</summary>
public sealed record TimelineSample(double T, double Ms, string Class, bool Ok, int? Status, string? Error, bool Late)
{
    /// <summary>The probe that took it, in a drill with <c>probes:</c>; null for a single <c>probe:</c>.</summary>
    public string? Probe { get; init; }
}

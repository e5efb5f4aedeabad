namespace DrillBot.Drills.Analysis;

/// <summary>What the samples of a run say, per docs/contracts.md#measurement.</summary>
public sealed record DrillAnalysis(
    int Total,
    int Late,
    IReadOnlyDictionary<string, int> ByClass,
    LatencySummary Latency,
    RecoveryResult? Recovery,
    IReadOnlyDictionary<string, double> Shares,
    int ShareSamples,
    double? ErrorRatio,
    double? SteadyOkRatio,
    TimeSpan? Failback,
    IReadOnlyList<CheckResult> Checks,
    IReadOnlyList<string> Reasons)
{
    public bool AllChecksPassed => Checks.All(c => c.Passed || c.Skipped);

    /// <summary>Some check failed outright (failed beats inconclusive beats passed).</summary>
    public bool AnyCheckFailed => Checks.Any(c => c.Failed);

    /// <summary>No check failed but some could not be decided (its interval straddles the threshold).</summary>
    public bool Inconclusive => !AnyCheckFailed && Checks.Any(c => c.Inconclusive);

    /// <summary>The class that served when failback was proved (restore.failback.servedBy, else the most frequent ok class then).</summary>
    public string? FailbackServedBy { get; init; }
}

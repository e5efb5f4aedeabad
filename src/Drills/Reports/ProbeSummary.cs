namespace DrillBot.Drills.Reports;

/// <summary>
/// Report field <c>probes</c>. With <c>probes:</c> in the drill, <c>total</c>, <c>late</c>, <c>byClass</c> and
/// <c>latencyMs</c> count every probe's samples, <c>shares</c>, <c>errorRatio</c>, <c>intervalMs</c> and <c>url</c> are
/// the first probe's, and <see cref="PerProbe"/> has each probe's own (empty for a single <c>probe:</c>).
/// </summary>
public sealed record ProbeSummary(
    int Total,
    int Late,
    IReadOnlyDictionary<string, int> ByClass,
    LatencyInfo LatencyMs,
    IReadOnlyDictionary<string, double> Shares,
    double? ErrorRatio,
    double IntervalMs,
    string Url)
{
    public IReadOnlyList<ProbeEntrySummary> PerProbe { get; init; } = [];
}

/// <summary>Latency percentiles of ok samples in milliseconds.</summary>
public sealed record LatencyInfo(double? P50, double? P95, double? P99);

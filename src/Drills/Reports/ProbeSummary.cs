namespace DrillBot.Drills.Reports;

/// <summary>Report field <c>probes</c>.</summary>
public sealed record ProbeSummary(
    int Total,
    int Late,
    IReadOnlyDictionary<string, int> ByClass,
    LatencyInfo LatencyMs,
    IReadOnlyDictionary<string, double> Shares,
    double? ErrorRatio,
    double IntervalMs,
    string Url);

/// <summary>Latency percentiles of ok samples in milliseconds.</summary>
public sealed record LatencyInfo(double? P50, double? P95, double? P99);

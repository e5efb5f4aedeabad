namespace DrillBot.Drills.Reports;

/// <summary>
/// One entry of report field <c>probes.perProbe</c> (a drill with <c>probes:</c>): that probe's own figures, measured
/// as the top-level <c>probes</c> are for a single probe; its checks are the run's checks named <c>{name}/…</c>.
/// </summary>
public sealed record ProbeEntrySummary(
    string Name,
    string Url,
    int Total,
    int Late,
    IReadOnlyDictionary<string, int> ByClass,
    LatencyInfo LatencyMs,
    IReadOnlyDictionary<string, double> Shares,
    double? ErrorRatio,
    RecoveryInfo? Recovery);

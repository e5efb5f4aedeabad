using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;

namespace DrillBot.Metrics;

/// <summary>What the metrics need of a finished run.</summary>
/// <param name="Drill">The drill name (from configuration).</param>
/// <param name="Verdict">The run's verdict (label <c>verdict</c>).</param>
/// <param name="Duration">Start to report.</param>
/// <param name="FinishedAt">When the run finished.</param>
/// <param name="Recovery">The measured recovery time, if any.</param>
/// <param name="Shares">Share per class among ok samples after recovery (the classes come from the drill's rules).</param>
/// <param name="RestoreStatus">The restore's status (label <c>status</c>), or null when nothing was changed.</param>
internal sealed record FinishedRun(
    string Drill,
    Verdict Verdict,
    TimeSpan Duration,
    DateTimeOffset FinishedAt,
    TimeSpan? Recovery,
    IReadOnlyDictionary<string, double> Shares,
    RestoreStatus? RestoreStatus)
{
    public static FinishedRun Of(DrillReport report) => new(
        report.Drill,
        report.Verdict,
        report.FinishedAt - report.StartedAt,
        report.FinishedAt,
        report.Recovery is { } r ? TimeSpan.FromSeconds(r.Seconds) : null,
        report.Probes.Shares,
        report.Restore.Objects.Count == 0 && report.Restore.Status == Drills.Restore.RestoreStatus.Verified ? null : report.Restore.Status);
}

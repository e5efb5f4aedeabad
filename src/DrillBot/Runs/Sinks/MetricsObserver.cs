using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using DrillBot.Drills.Running.Events;
using DrillBot.Metrics;

namespace DrillBot.Runs.Sinks;

/// <summary>Feeds <see cref="DrillMetrics"/>: in progress, probe classes, the finished run.</summary>
internal sealed class MetricsObserver(DrillMetrics metrics) : IDrillObserver
{
    public void OnEvent(DrillEvent drillEvent)
    {
        switch (drillEvent)
        {
            case RunStarted started:
                metrics.RunStarted(started.Drill);
                break;
            case ProbeSampled sampled:
                metrics.ProbeSampled(sampled.Drill, sampled.Sample.Class);
                break;
            case RunFinished finished:
                metrics.RunFinished(Outcome(finished.Report));
                break;
        }
    }

    public static RunOutcome Outcome(DrillReport report) => new(
        report.Drill,
        report.Verdict.ToString().ToLowerInvariant(),
        report.FinishedAt - report.StartedAt,
        report.FinishedAt,
        report.Recovery is { } r ? TimeSpan.FromSeconds(r.Seconds) : null,
        report.Probes.Shares,
        report.Restore.Objects.Count == 0 && report.Restore.Status == RestoreStatus.Verified ? null : report.Restore.Status.ToString().ToLowerInvariant());
}

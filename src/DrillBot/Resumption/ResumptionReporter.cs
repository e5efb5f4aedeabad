using DrillBot.Configuration;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using DrillBot.Logging;
using DrillBot.Metrics;
using DrillBot.Runs;
using DrillBot.Store;
using DrillBot.Store.Runs;
using Microsoft.Extensions.Logging;

namespace DrillBot.Resumption;

/// <summary>
/// Reports a run restored after its owner died: history (status restored-after-interruption, verdict
/// errored, the report with the restore), <c>drillbot_restore_total</c>, the log, and every
/// <see cref="IResumedRunSink"/> (Slack posts the result). A failed restore leaves
/// the run interrupted (retried later) and is logged and counted.
/// </summary>
internal sealed class ResumptionReporter(
    IDrillBotStore store,
    DrillsConfigState config,
    DrillMetrics metrics,
    ResumptionOptions options,
    TimeProvider time,
    ILogger<ResumptionReporter> logger,
    IEnumerable<IResumedRunSink> sinks)
{
    public async Task ReportAsync(string runId, string drill, DateTimeOffset startedAt, string owner, RestoreResult restore, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new RunLogScope(runId, drill));
        var status = restore.Status.WireName();
        metrics.Restored(drill, restore.Status);
        var record = await store.Runs.GetAsync(runId, cancellationToken);
        if (record?.Run.Status == RunStatus.Running)
        {
            await store.Runs.MarkInterruptedAsync(runId, cancellationToken);
        }

        if (restore.Status == RestoreStatus.Failed)
        {
            foreach (var item in restore.Items.Where(i => !i.Ok))
            {
                ServiceLog.ResumedItemFailed(logger, runId, item.Target.ToString(), item.Error);
            }

            return;
        }

        ServiceLog.RunResumed(logger, runId, owner, status, restore.Items.Count);
        await FinishAsync(ResumedReport.Build(runId, drill, owner, record, startedAt, restore, $"instance {options.InstanceId}", config.Current), cancellationToken);
    }

    /// <summary>A run recorded as running whose owner died with nothing left to restore.</summary>
    public async Task ReportNothingLeftAsync(RunSummary run, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new RunLogScope(run.RunId, run.Drill));
        await store.Runs.MarkInterruptedAsync(run.RunId, cancellationToken);
        var now = time.GetUtcNow();
        var nothing = new RestoreResult(RestoreStatus.Verified, [], now, now);
        ServiceLog.RunResumed(logger, run.RunId, run.OwnerInstance, "verified", 0);
        await FinishAsync(
            ResumedReport.Build(run.RunId, run.Drill, run.OwnerInstance, new RunRecord(run, null), run.StartedAt, nothing, $"instance {options.InstanceId}", config.Current, "nothing was left to restore"),
            cancellationToken);
    }

    /// <summary>Objects that carried the annotations of a run no journal knows (e.g. a CLI run that died), restored from the annotations.</summary>
    public async Task ReportOrphansAsync(string runId, RestoreResult restore, CancellationToken cancellationToken)
    {
        var status = restore.Status.WireName();
        foreach (var item in restore.Items)
        {
            ServiceLog.OrphanRestored(logger, runId, item.Target.ToString(), item.Ok ? status : "failed: " + item.Error);
        }

        var record = (await store.Runs.GetAsync(runId, cancellationToken))?.Run;
        if (record is not null && record.FinishedAt is null)
        {
            await ReportAsync(runId, record.Drill, record.StartedAt, record.OwnerInstance, restore, cancellationToken);
        }
        else if (record is not null)
        {
            metrics.Restored(record.Drill, restore.Status);
        }
    }

    private async Task FinishAsync(DrillReport report, CancellationToken cancellationToken)
    {
        await store.Runs.FinishAsync(report.RunId, RunOutcome.AfterInterruption(report), cancellationToken);
        foreach (var sink in sinks)
        {
            await sink.ReportAsync(report, cancellationToken);
        }
    }
}

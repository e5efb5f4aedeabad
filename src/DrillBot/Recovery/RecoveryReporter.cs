using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using DrillBot.Hosting;
using DrillBot.Logging;
using DrillBot.Metrics;
using DrillBot.Runs.Sinks;
using DrillBot.Runs;
using DrillBot.Slack.BlockKit;
using DrillBot.Slack.Outbox;
using DrillBot.Store.Runs;
using DrillBot.Store;
using Microsoft.Extensions.Logging;

namespace DrillBot.Recovery;

/// <summary>
/// Reports a run restored after its owner died: history (status restored-after-interruption, verdict
/// errored, the report with the restore), <c>drillbot_restore_total</c>, the log, and Slack (the
/// run's message is posted if it never was, then replaced by the result). A failed restore leaves
/// the run interrupted (retried later) and is logged and counted.
/// </summary>
internal sealed class RecoveryReporter(
    IDrillBotStore store,
    DrillsConfigState config,
    DrillMetrics metrics,
    ReportLinks links,
    ServiceSettings settings,
    TimeProvider time,
    ILogger<RecoveryReporter> logger,
    SlackOutbox? slack = null)
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
                ServiceLog.RecoveredItemFailed(logger, runId, item.Target.ToString(), item.Error);
            }

            return;
        }

        ServiceLog.RunRecovered(logger, runId, owner, status, restore.Items.Count);
        await FinishAsync(RecoveredReport.Build(runId, drill, owner, record, startedAt, restore, $"instance {settings.InstanceId}", config.Current), cancellationToken);
    }

    /// <summary>A run recorded as running whose owner died with nothing left to restore.</summary>
    public async Task ReportNothingLeftAsync(RunSummary run, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new RunLogScope(run.RunId, run.Drill));
        await store.Runs.MarkInterruptedAsync(run.RunId, cancellationToken);
        var now = time.GetUtcNow();
        var nothing = new RestoreResult(RestoreStatus.Verified, [], now, now);
        ServiceLog.RunRecovered(logger, run.RunId, run.OwnerInstance, "verified", 0);
        await FinishAsync(
            RecoveredReport.Build(run.RunId, run.Drill, run.OwnerInstance, new RunRecord(run, null), run.StartedAt, nothing, $"instance {settings.InstanceId}", config.Current, "nothing was left to restore"),
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
        if (slack is null)
        {
            return;
        }

        var started = new SlackRunView
        {
            Drill = report.Drill,
            RunId = report.RunId,
            Description = report.Description,
            TriggerKind = report.Trigger.Kind.WireName(),
            TriggeredBy = report.Trigger.By,
            StartedAt = report.StartedAt,
            ReportUrl = links.For(report.RunId),
        };
        await slack.RunStartedAsync(started, cancellationToken); // no-op when the run's message exists already
        await slack.RunFinishedAsync(SlackSink.Result(started, report), cancellationToken);
    }
}

using System.Globalization;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using DrillBot.Store.Runs;
using StoreTrigger = DrillBot.Store.Runs.RunTrigger;

namespace DrillBot.Runs;

/// <summary>Maps the engine's report onto the store's run history (and back for triggers).</summary>
internal static class StoreMapping
{
    public static StoreTrigger Trigger(Drills.Running.RunTrigger trigger) => new(
        trigger.Kind switch
        {
            TriggerKind.Cli => RunTriggerKind.Cli,
            TriggerKind.Schedule => RunTriggerKind.Schedule,
            TriggerKind.Slack => RunTriggerKind.Slack,
            _ => RunTriggerKind.Api,
        },
        trigger.By);

    public static Drills.Running.RunTrigger Trigger(StoreTrigger trigger) => new(
        trigger.Kind switch
        {
            RunTriggerKind.Cli => TriggerKind.Cli,
            RunTriggerKind.Schedule => TriggerKind.Schedule,
            RunTriggerKind.Slack => TriggerKind.Slack,
            _ => TriggerKind.Api,
        },
        trigger.By);

    public static RunVerdict Verdict(Verdict verdict) => verdict switch
    {
        Drills.Running.Verdict.Passed => RunVerdict.Passed,
        Drills.Running.Verdict.Failed => RunVerdict.Failed,
        Drills.Running.Verdict.Aborted => RunVerdict.Aborted,
        Drills.Running.Verdict.Inconclusive => RunVerdict.Inconclusive,
        _ => RunVerdict.Errored,
    };

    public static RunRestoreStatus Restore(RestoreStatus status) => status switch
    {
        RestoreStatus.Verified => RunRestoreStatus.Verified,
        RestoreStatus.Restored => RunRestoreStatus.Restored,
        _ => RunRestoreStatus.Failed,
    };

    /// <summary>
    /// How a finished run is stored: status finished (interrupted when its restore failed: its changes may still be in
    /// the clusters, and recovery finishes it later), verdict, restore, recovery, a one-line summary and the report JSON.
    /// </summary>
    public static RunOutcome Outcome(DrillReport report) => new(
        report.Restore.Status == RestoreStatus.Failed ? RunStatus.Interrupted : RunStatus.Finished,
        Verdict(report.Verdict),
        Restore(report.Restore.Status),
        report.FinishedAt,
        report.Recovery is { } r ? TimeSpan.FromSeconds(r.Seconds) : null,
        Summary(report),
        ReportJson.Serialize(report));

    /// <summary>One line for listings: "passed: recovered in 1.4s (cn-shanghai); restore verified".</summary>
    public static string Summary(DrillReport report)
    {
        var verdict = report.Verdict.ToString().ToLowerInvariant();
        var what = report.Recovery is { } r
            ? string.Create(CultureInfo.InvariantCulture, $"recovered in {r.Seconds:0.###}s ({r.ServedBy})")
            : report.Reasons.FirstOrDefault() ?? "no recovery measured";
        if (what.Length > 160)
        {
            what = what[..157] + "...";
        }

        return $"{verdict}: {what}; restore {report.Restore.Status.ToString().ToLowerInvariant()}";
    }
}

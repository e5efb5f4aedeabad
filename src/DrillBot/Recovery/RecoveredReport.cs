using DrillBot.Drills.Definitions;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using DrillBot.Runs;
using DrillBot.Store.Runs;

namespace DrillBot.Recovery;

/// <summary>
/// The report of a run restored after an interruption. A run whose owner died has no report: it gets verdict errored
/// (no verdict on the system), no probes, the restore done by recovery with its objects, and the reasons. A run that
/// ended with its restore failed (or cut short by a shutdown) keeps its own report — verdict, probes, checks — with the
/// restore completed later merged in. Same JSON shape as every report.
/// </summary>
internal static class RecoveredReport
{
    /// <param name="restoredBy">Who finished the restore, e.g. <c>instance drillbot-0</c>.</param>
    /// <param name="note">Replaces the "restored after an interrupted run by …" reason of a run without a report (e.g. nothing was left to restore).</param>
    public static DrillReport Build(string runId, string drill, string owner, RunRecord? record, DateTimeOffset startedAt, RestoreResult restore, string restoredBy, DrillsConfig config, string? note = null)
    {
        var status = restore.Status.ToString().ToLowerInvariant();
        var conflicts = restore.Items.Where(i => i.Conflicts.Count > 0).Select(i => $"restore of {i.Target} kept someone else's change: {string.Join("; ", i.Conflicts)}");
        if (record?.ReportJson is { } json && ReportJson.Deserialize(json) is { } own)
        {
            return Completed(own, restore, [$"the run's restore did not complete (restore {own.Restore.Status.ToString().ToLowerInvariant()}); restored after an interrupted run by {restoredBy}: restore {status}", .. conflicts]);
        }

        var trigger = record is null ? new Drills.Running.RunTrigger(TriggerKind.Api, "unknown") : StoreMapping.Trigger(record.Run.Trigger);
        return new DrillReport
        {
            RunId = runId,
            Drill = drill,
            Description = config.FindDrill(drill)?.Description,
            Verdict = Verdict.Errored,
            Trigger = new TriggerInfo(trigger.Kind, trigger.By),
            StartedAt = record?.Run.StartedAt ?? startedAt,
            FinishedAt = restore.FinishedAt,
            Probes = new ProbeSummary(0, 0, new Dictionary<string, int>(), new LatencyInfo(null, null, null), new Dictionary<string, double>(), null, 0, string.Empty),
            Checks = [],
            Restore = new RestoreInfo(restore.Status, null, restore.Items.Select(Info).ToList(), restore.StartedAt, restore.FinishedAt),
            Reasons = [$"interrupted: instance {owner} stopped during the run", note ?? $"restored after an interrupted run by {restoredBy}: restore {status}", .. conflicts],
            Markers = Markers(restore),
            Timeline = new Timeline(record?.Run.StartedAt ?? startedAt, []),
        };
    }

    /// <summary>How the history records it: status restored-after-interruption, the verdict and summary of the report.</summary>
    public static RunOutcome Outcome(DrillReport report)
    {
        var summary = StoreMapping.Summary(report);
        return StoreMapping.Outcome(report) with
        {
            Status = RunStatus.RestoredAfterInterruption,
            Summary = report.Probes.Total == 0 && report.Verdict == Verdict.Errored ? "errored: interrupted; " + summary : summary + " after an interruption",
        };
    }

    private static DrillReport Completed(DrillReport own, RestoreResult restore, IReadOnlyList<string> reasons)
    {
        var recovered = restore.Items.Select(Info).ToList();
        var kept = own.Restore.Objects.Where(o => !recovered.Any(r => Same(o, r)));
        return own with
        {
            Restore = new RestoreInfo(restore.Status, own.Restore.FailbackSeconds, [.. kept, .. recovered], own.Restore.StartedAt ?? restore.StartedAt, restore.FinishedAt),
            Reasons = [.. own.Reasons, .. reasons],
            Markers = [.. own.Markers, .. Markers(restore)],
        };
    }

    private static RestoreObjectInfo Info(RestoreItemResult i) =>
        new(i.Target.Cluster, i.Target.Kind.ToString(), i.Target.Namespace, i.Target.Name, i.Ok, i.Verified, i.Step, i.Before, i.During, i.After, i.Conflicts, i.Error);

    private static bool Same(RestoreObjectInfo a, RestoreObjectInfo b) =>
        a.Cluster == b.Cluster && a.Kind == b.Kind && a.Namespace == b.Namespace && a.Name == b.Name;

    private static TimelineMarker[] Markers(RestoreResult restore) =>
    [
        new(restore.StartedAt, "restore-start", "restore after an interrupted run"),
        new(restore.FinishedAt, "restore-done", "restore " + restore.Status.ToString().ToLowerInvariant()),
    ];
}

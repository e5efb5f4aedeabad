using DrillBot.Drills.Definitions;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using DrillBot.Runs;
using DrillBot.Store.Runs;

namespace DrillBot.Recovery;

/// <summary>
/// The report of a run whose owner died: verdict errored (no verdict on the system), no probes, the
/// restore done by recovery with its objects, and the reasons. Same JSON shape as every report.
/// </summary>
internal static class RecoveredReport
{
    public static DrillReport Build(string runId, string drill, RunSummary? record, DateTimeOffset startedAt, RestoreResult restore, IReadOnlyList<string> reasons, DrillsConfig config)
    {
        var trigger = record is null ? new Drills.Running.RunTrigger(TriggerKind.Api, "unknown") : StoreMapping.Trigger(record.Trigger);
        return new DrillReport
        {
            RunId = runId,
            Drill = drill,
            Description = config.FindDrill(drill)?.Description,
            Verdict = Verdict.Errored,
            Trigger = new TriggerInfo(trigger.Kind, trigger.By),
            StartedAt = startedAt,
            FinishedAt = restore.FinishedAt,
            Probes = new ProbeSummary(0, 0, new Dictionary<string, int>(), new LatencyInfo(null, null, null), new Dictionary<string, double>(), null, 0, string.Empty),
            Checks = [],
            Restore = new RestoreInfo(
                restore.Status,
                null,
                restore.Items.Select(i => new RestoreObjectInfo(i.Target.Cluster, i.Target.Kind.ToString(), i.Target.Namespace, i.Target.Name, i.Ok, i.Verified, i.Step, i.Before, i.During, i.After, i.Conflicts, i.Error)).ToList(),
                restore.StartedAt,
                restore.FinishedAt),
            Reasons = reasons,
            Markers = [new TimelineMarker(restore.StartedAt, "restore-start", "restore after an interrupted run"), new TimelineMarker(restore.FinishedAt, "restore-done", "restore " + restore.Status.ToString().ToLowerInvariant())],
            Timeline = new Timeline(startedAt, []),
        };
    }
}

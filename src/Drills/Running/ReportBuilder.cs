using DrillBot.Drills.Analysis;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;

namespace DrillBot.Drills.Running;

/// <summary>
/// Assembles every report: the report of a finished run, and the report of a run restored after an interruption
/// (<see cref="Resumed"/>). Same JSON shape either way.
/// </summary>
internal static class ReportBuilder
{
    public static DrillReport Build(RunSetup setup, RunRecording recording, DrillAnalysis analysis, RestoreResult restore, Verdict verdict, IReadOnlyList<string> reasons, DateTimeOffset finishedAt)
    {
        var samples = recording.Samples.All();
        var start = recording.Moments.StartedAt;
        var markers = recording.MarkersSoFar().OrderBy(m => m.At).ToList();
        if (analysis.Recovery is { } r)
        {
            markers.Add(new TimelineMarker(r.WindowStart, "recovered", $"recovered: {r.ServedBy} after {r.Time.TotalSeconds:0.###}s"));
            markers = [.. markers.OrderBy(m => m.At)];
        }

        var drill = setup.Drill;
        return new DrillReport
        {
            RunId = setup.RunId,
            Drill = drill.Name,
            Description = drill.Description,
            Verdict = verdict,
            Trigger = new TriggerInfo(setup.Trigger.Kind, setup.Trigger.By) { OverrideBlackout = recording.BlackoutOverride },
            StartedAt = start,
            FaultAt = recording.Moments.FaultAt,
            FinishedAt = finishedAt,
            Recovery = analysis.Recovery is { } rec ? new RecoveryInfo(Math.Round(rec.Time.TotalSeconds, 3), rec.ServedBy) : null,
            Probes = new ProbeSummary(analysis.Total, analysis.Late, analysis.ByClass, new LatencyInfo(Round(analysis.Latency.P50), Round(analysis.Latency.P95), Round(analysis.Latency.P99)),
                analysis.Shares.ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 4)), analysis.ErrorRatio is { } e ? Math.Round(e, 4) : null, drill.Probe.Interval.TotalMilliseconds, drill.Probe.Url.ToString()),
            Checks = analysis.Checks,
            Proves = Claims.Derive(drill, analysis.Checks),
            Restore = new RestoreInfo(restore.Status, analysis.Failback is { } f ? Math.Round(f.TotalSeconds, 3) : null, Objects(restore), restore.StartedAt, restore.FinishedAt) { FailbackServedBy = analysis.FailbackServedBy },
            Reasons = reasons,
            Misconfigured = recording.Misconfigured,
            Owners = [.. recording.Owners.Select(OwnerInfo.Of)],
            Drift = recording.Drift is { } drift ? DriftInfo.Of(drift, recording.Moments.FaultAt) : null,
            Steps = [.. recording.Steps],
            Markers = markers,
            Timeline = new Timeline(start, samples.Select(s => new TimelineSample(Math.Round((s.SentAt - start).TotalSeconds, 4), Math.Round(s.Duration.TotalMilliseconds, 2), s.Class, s.Ok, s.Status, s.ErrorKind, s.Late)).ToList()),
        };
    }

    /// <summary>
    /// The report of a run restored after an interruption. A run whose owner died has no report (<paramref name="own"/>
    /// null): it gets verdict errored (no verdict on the system), no probes, the restore with its objects, and the
    /// reasons. A run that ended with its restore failed (or cut short by a shutdown) keeps its own report — verdict,
    /// probes, checks — with the restore completed later merged in.
    /// </summary>
    /// <param name="restoredBy">Who finished the restore, e.g. <c>instance drillbot-0</c>.</param>
    /// <param name="note">Replaces the "restored after an interrupted run by …" reason of a run without a report (e.g. nothing was left to restore).</param>
    public static DrillReport Resumed(DrillReport? own, string runId, string drill, string? description, RunTrigger trigger, DateTimeOffset startedAt, string owner, RestoreResult restore, string restoredBy, string? note = null)
    {
        var status = restore.Status.WireName();
        var conflicts = restore.Items.Where(i => i.Conflicts.Count > 0).Select(i => $"restore of {i.Target} kept someone else's change: {string.Join("; ", i.Conflicts)}").ToList();
        var markers = new TimelineMarker[]
        {
            new(restore.StartedAt, "restore-start", "restore after an interrupted run"),
            new(restore.FinishedAt, "restore-done", "restore " + status),
        };
        var resumed = Objects(restore);
        if (own is not null)
        {
            var kept = own.Restore.Objects.Where(o => !resumed.Any(r => Same(o, r)));
            return own with
            {
                Restore = new RestoreInfo(restore.Status, own.Restore.FailbackSeconds, [.. kept, .. resumed], own.Restore.StartedAt ?? restore.StartedAt, restore.FinishedAt),
                Reasons = [.. own.Reasons, $"the run's restore did not complete (restore {own.Restore.Status.WireName()}); restored after an interrupted run by {restoredBy}: restore {status}", .. conflicts],
                Markers = [.. own.Markers, .. markers],
            };
        }

        return new DrillReport
        {
            RunId = runId,
            Drill = drill,
            Description = description,
            Verdict = Verdict.Errored,
            Trigger = new TriggerInfo(trigger.Kind, trigger.By),
            StartedAt = startedAt,
            FinishedAt = restore.FinishedAt,
            Probes = new ProbeSummary(0, 0, new Dictionary<string, int>(), new LatencyInfo(null, null, null), new Dictionary<string, double>(), null, 0, string.Empty),
            Checks = [],
            Restore = new RestoreInfo(restore.Status, null, resumed, restore.StartedAt, restore.FinishedAt),
            Reasons = [$"interrupted: instance {owner} stopped during the run", note ?? $"restored after an interrupted run by {restoredBy}: restore {status}", .. conflicts],
            Markers = markers,
            Timeline = new Timeline(startedAt, []),
        };
    }

    private static List<RestoreObjectInfo> Objects(RestoreResult restore) =>
        restore.Items.Select(i => new RestoreObjectInfo(i.Target.Cluster, i.Target.Kind.ToString(), i.Target.Namespace, i.Target.Name, i.Ok, i.Verified, i.Step, i.Before, i.During, i.After, i.Conflicts, i.Error)).ToList();

    private static bool Same(RestoreObjectInfo a, RestoreObjectInfo b) =>
        a.Cluster == b.Cluster && a.Kind == b.Kind && a.Namespace == b.Namespace && a.Name == b.Name;

    private static double? Round(double? v) => v is { } x ? Math.Round(x, 2) : null;
}

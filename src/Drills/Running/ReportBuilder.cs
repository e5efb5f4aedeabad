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
    public static DrillReport Build(RunSetup setup, RunRecording recording, RunAnalysis analysis, RestoreResult restore, Verdict verdict, IReadOnlyList<string> reasons, DateTimeOffset finishedAt)
    {
        var start = recording.Moments.StartedAt;
        var markers = recording.MarkersSoFar().ToList();
        foreach (var (log, a) in analysis.Probes)
        {
            if (a.Recovery is { } r)
            {
                markers.Add(new TimelineMarker(r.WindowStart, "recovered", $"recovered{(log.View.Name is { } n ? $" ({n})" : string.Empty)}: {r.ServedBy} after {r.Time.TotalSeconds:0.###}s"));
            }
        }

        var drill = setup.Drill;
        var primary = analysis.Primary;
        var all = recording.Probes.SelectMany(p => p.Samples.All().Select(s => (p.View.Name, Sample: s))).OrderBy(x => x.Sample.SentAt).ToList();
        var byClass = all.GroupBy(x => x.Sample.Class, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var latency = analysis.Probes.Count == 1 ? primary.Latency : LatencySummary.Of(all.Where(x => x.Sample.Ok).Select(x => x.Sample.Duration.TotalMilliseconds));
        var failbacks = analysis.Probes.Select(p => p.Analysis.Failback).ToList();
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
            Recovery = Recovery(analysis),
            Probes = new ProbeSummary(all.Count, all.Count(x => x.Sample.Late), byClass, Latency(latency),
                primary.Shares.ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 4)), primary.ErrorRatio is { } e ? Math.Round(e, 4) : null, drill.Probe.Interval.TotalMilliseconds, drill.Probe.Url.ToString())
            {
                PerProbe = drill.NamedProbes.Count == 0 ? [] : [.. analysis.Probes.Select(p => Entry(p.Log, p.Analysis))],
            },
            Checks = analysis.Checks,
            Proves = Claims.Derive(drill, analysis.Checks),
            Restore = new RestoreInfo(restore.Status, failbacks.All(f => f is not null) ? Math.Round(failbacks.Max()!.Value.TotalSeconds, 3) : null, Objects(restore), restore.StartedAt, restore.FinishedAt) { FailbackServedBy = primary.FailbackServedBy },
            Reasons = reasons,
            Misconfigured = recording.Misconfigured,
            Owners = [.. recording.Owners.Select(OwnerInfo.Of)],
            Drift = recording.Drift is { } drift ? DriftInfo.Of(drift, recording.Moments.FaultAt) : null,
            Steps = [.. recording.Control?.Steps ?? [], .. recording.Steps],
            Markers = [.. markers.OrderBy(m => m.At)],
            Timeline = TimelineBuilder.Build(start, [.. all.Select(x => x.Sample)], drill.Probe.Interval, [.. all.Select(x => x.Name)]),
            RawSamples = [.. all.Select(x => x.Sample)],
            Control = recording.Control is { } control ? Control(drill, control, analysis) : null,
        };
    }

    /// <summary>The run's recovery: the single probe's, or with probes: the slowest once every probe that expects recovery recovered.</summary>
    private static RecoveryInfo? Recovery(RunAnalysis analysis)
    {
        var expecting = analysis.Probes.Where(p => p.Log.View.Drill.Expect.Recovery is not null).ToList();
        if (analysis.Probes.Count == 1 || expecting.Count == 0)
        {
            return analysis.Primary.Recovery is { } r ? new RecoveryInfo(Math.Round(r.Time.TotalSeconds, 3), r.ServedBy) : null;
        }

        return expecting.All(p => p.Analysis.Recovery is not null)
            ? expecting.Select(p => p.Analysis.Recovery!).MaxBy(r => r.Time) is { } slowest ? new RecoveryInfo(Math.Round(slowest.Time.TotalSeconds, 3), slowest.ServedBy) : null
            : null;
    }

    private static ProbeEntrySummary Entry(ProbeLog log, DrillAnalysis a) => new(
        log.View.Name!,
        log.Probe.Url.ToString(),
        a.Total,
        a.Late,
        a.ByClass,
        Latency(a.Latency),
        a.Shares.ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 4)),
        a.ErrorRatio is { } e ? Math.Round(e, 4) : null,
        a.Recovery is { } r ? new RecoveryInfo(Math.Round(r.Time.TotalSeconds, 3), r.ServedBy) : null);

    private static ControlInfo Control(Definitions.DrillDefinition drill, ControlProgress control, RunAnalysis analysis)
    {
        var result = analysis.Control;
        var restore = control.Restore is { } r
            ? new RestoreInfo(r.Status, control.BackAt is { } back ? Math.Round((back - r.FinishedAt).TotalSeconds, 3) : null, Objects(r), r.StartedAt, r.FinishedAt)
            : null;
        return new ControlInfo(
            Math.Round(drill.Control!.Duration.TotalSeconds, 3),
            [.. drill.Steps.Select((s, i) => (s, i)).Where(x => drill.LeftOutByControl.Contains(x.s)).Select(x => $"{x.i + 1}: {x.s.Kind}")],
            control.StartedAt,
            control.FaultAt,
            control.EndAt,
            control.EndedBy,
            result?.Necessary,
            result is null ? null : ControlAnalyzer.Sufficient([.. analysis.Checks.Where(c => c.Name != Claims.ControlDegraded)]),
            result?.Finding,
            result?.Checks ?? [],
            control.Steps,
            restore);
    }

    private static LatencyInfo Latency(LatencySummary l) => new(Round(l.P50), Round(l.P95), Round(l.P99));

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

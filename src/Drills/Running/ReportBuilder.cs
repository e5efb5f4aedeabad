using DrillBot.Drills.Analysis;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;

namespace DrillBot.Drills.Running;

/// <summary>Assembles the report of a finished run.</summary>
internal static class ReportBuilder
{
    public static DrillReport Build(RunContext ctx, DrillAnalysis analysis, RestoreResult restore, Verdict verdict, IReadOnlyList<string> reasons, DateTimeOffset finishedAt)
    {
        var samples = ctx.Samples.All();
        var start = ctx.StartedAt;
        var markers = ctx.Markers.OrderBy(m => m.At).ToList();
        if (analysis.Recovery is { } r)
        {
            markers.Add(new TimelineMarker(r.WindowStart, "recovered", $"recovered: {r.ServedBy} after {r.Time.TotalSeconds:0.###}s"));
            markers = [.. markers.OrderBy(m => m.At)];
        }

        return new DrillReport
        {
            RunId = ctx.RunId,
            Drill = ctx.Drill.Name,
            Description = ctx.Drill.Description,
            Verdict = verdict,
            Trigger = new TriggerInfo(ctx.Trigger.Kind, ctx.Trigger.By),
            StartedAt = start,
            FaultAt = ctx.FaultAt,
            FinishedAt = finishedAt,
            Recovery = analysis.Recovery is { } rec ? new RecoveryInfo(Math.Round(rec.Time.TotalSeconds, 3), rec.ServedBy) : null,
            Probes = new ProbeSummary(analysis.Total, analysis.Late, analysis.ByClass, new LatencyInfo(Round(analysis.Latency.P50), Round(analysis.Latency.P95), Round(analysis.Latency.P99)),
                analysis.Shares.ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 4)), analysis.ErrorRatio is { } e ? Math.Round(e, 4) : null, ctx.Drill.Probe.Interval.TotalMilliseconds, ctx.Drill.Probe.Url.ToString()),
            Checks = analysis.Checks,
            Restore = new RestoreInfo(restore.Status, analysis.Failback is { } f ? Math.Round(f.TotalSeconds, 3) : null,
                restore.Items.Select(i => new RestoreObjectInfo(i.Target.Cluster, i.Target.Kind.ToString(), i.Target.Namespace, i.Target.Name, i.Ok, i.Verified, i.Step, i.Before, i.During, i.After, i.Conflicts, i.Error)).ToList(),
                restore.StartedAt, restore.FinishedAt) { FailbackServedBy = analysis.FailbackServedBy },
            Reasons = reasons,
            Misconfigured = ctx.Misconfigured,
            Steps = [.. ctx.Steps],
            Markers = markers,
            Timeline = new Timeline(start, samples.Select(s => new TimelineSample(Math.Round((s.SentAt - start).TotalSeconds, 4), Math.Round(s.Duration.TotalMilliseconds, 2), s.Class, s.Ok, s.Status, s.ErrorKind, s.Late)).ToList()),
        };
    }

    private static double? Round(double? v) => v is { } x ? Math.Round(x, 2) : null;
}

using DrillBot.Drills.Analysis;

namespace DrillBot.Drills.Running;

/// <summary>Probes until observeFor ends, abortIf fires, or every check is settled.</summary>
internal static class ObservePhase
{
    public static async Task RunAsync(RunContext ctx, Func<string?> lockLost, CancellationToken cancellationToken)
    {
        var drill = ctx.Setup.Drill;
        var from = ctx.Recording.Moments.FaultAt ?? ctx.Recording.Moments.LastStepAt ?? ctx.Setup.Time.GetUtcNow();
        var end = from + drill.ObserveFor;
        while (true)
        {
            await Task.Delay(CheckEvery(drill), ctx.Setup.Time, cancellationToken);
            var now = ctx.Setup.Time.GetUtcNow();
            var sorted = ctx.Recording.Samples.Complete(ctx.ProbesSent());
            if (drill.AbortIf is { } abortIf && AbortRule.ShouldAbort(abortIf, sorted, from, now, out var ratio))
            {
                ctx.Recording.Stop(Verdict.Aborted, $"abortIf: error ratio {ratio:0.###} above {abortIf.ErrorRatioAbove:0.###} for {abortIf.For.TotalSeconds:0.###}s");
                ctx.Recording.Mark("abort", "abortIf fired", now);
                break;
            }

            if (lockLost() is { } lost)
            {
                ctx.Recording.Stop(Verdict.Errored, lost);
                break;
            }

            if (now >= end)
            {
                break;
            }

            if (Settlement.AllSettled(drill, sorted, from, ctx.Recording.Moments.FaultAt, ctx.Recording.Moments.LastStepAt, now, end))
            {
                ctx.Recording.Mark("settled", "every check settled", now);
                break;
            }
        }

        ctx.Recording.Moments.ObserveEndAt = ctx.Setup.Time.GetUtcNow();
        ctx.Recording.Mark("observe-end", "observation ended", ctx.Recording.Moments.ObserveEndAt);
    }

    /// <summary>How often abortIf and settlement are evaluated: every probe interval, but at most ten times a second.</summary>
    public static TimeSpan CheckEvery(Definitions.DrillDefinition drill) => drill.Probe.Interval > TimeSpan.FromMilliseconds(100) ? drill.Probe.Interval : TimeSpan.FromMilliseconds(100);

    /// <summary>Waits until every sample sent so far has completed (at most <paramref name="max"/>).</summary>
    public static async Task DrainAsync(RunContext ctx, TimeSpan max)
    {
        var sent = ctx.ProbesSent();
        var start = ctx.Setup.Time.GetTimestamp();
        while (ctx.Recording.Samples.Count < sent && ctx.Setup.Time.GetElapsedTime(start) < max)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), ctx.Setup.Time);
        }
    }
}

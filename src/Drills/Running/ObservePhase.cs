using DrillBot.Drills.Analysis;

namespace DrillBot.Drills.Running;

/// <summary>Probes until observeFor ends, abortIf fires, or every check of every probe is settled.</summary>
internal static class ObservePhase
{
    public static async Task RunAsync(RunContext ctx, Func<string?> lockLost, CancellationToken cancellationToken)
    {
        var drill = ctx.Setup.Drill;
        var from = ctx.Recording.Moments.FaultAt ?? ctx.Recording.Moments.LastStepAt ?? ctx.Setup.Time.GetUtcNow();
        var (end, detail) = await WatchAsync(ctx, from, from + drill.ObserveFor, ctx.Recording.Moments.FaultAt, ctx.Recording.Moments.LastStepAt, lockLost, cancellationToken);
        var now = ctx.Setup.Time.GetUtcNow();
        switch (end)
        {
            case WatchEnd.AbortIf:
                ctx.Recording.Stop(Verdict.Aborted, $"abortIf: {detail}");
                ctx.Recording.Mark("abort", "abortIf fired", now);
                break;
            case WatchEnd.LockLost:
                ctx.Recording.Stop(Verdict.Errored, detail!);
                break;
            case WatchEnd.Settled:
                ctx.Recording.Mark("settled", "every check settled", now);
                break;
        }

        ctx.Recording.Moments.ObserveEndAt = ctx.Setup.Time.GetUtcNow();
        ctx.Recording.Mark("observe-end", "observation ended", ctx.Recording.Moments.ObserveEndAt);
    }

    /// <summary>
    /// Watches every probe from <paramref name="from"/> until <paramref name="end"/>: stops early when abortIf fires on
    /// some probe (with the detail <c>error ratio … above … for …s</c>), the lock is lost, or every probe's checks are settled.
    /// </summary>
    public static async Task<(WatchEnd End, string? Detail)> WatchAsync(RunContext ctx, DateTimeOffset from, DateTimeOffset end, DateTimeOffset? faultAt, DateTimeOffset? lastStepAt, Func<string?> lockLost, CancellationToken cancellationToken)
    {
        var drill = ctx.Setup.Drill;
        while (true)
        {
            await Task.Delay(CheckEvery(drill), ctx.Setup.Time, cancellationToken);
            var now = ctx.Setup.Time.GetUtcNow();
            var settled = true;
            foreach (var log in ctx.Recording.Probes)
            {
                var sorted = log.Complete();
                if (drill.AbortIf is { } abortIf && AbortRule.ShouldAbort(abortIf, sorted, from, now, out var ratio))
                {
                    var probe = log.View.Name is { } name ? $" (probe {name})" : string.Empty;
                    return (WatchEnd.AbortIf, $"error ratio {ratio:0.###} above {abortIf.ErrorRatioAbove:0.###} for {abortIf.For.TotalSeconds:0.###}s{probe}");
                }

                settled = settled && Settlement.AllSettled(log.View.Drill, sorted, from, faultAt, lastStepAt, now, end);
            }

            if (lockLost() is { } lost)
            {
                return (WatchEnd.LockLost, lost);
            }

            if (now >= end)
            {
                return (WatchEnd.Duration, null);
            }

            if (settled)
            {
                return (WatchEnd.Settled, null);
            }
        }
    }

    /// <summary>How often abortIf and settlement are evaluated: every probe interval, but at most ten times a second.</summary>
    public static TimeSpan CheckEvery(Definitions.DrillDefinition drill) => drill.Probe.Interval > TimeSpan.FromMilliseconds(100) ? drill.Probe.Interval : TimeSpan.FromMilliseconds(100);

    /// <summary>Waits until every sample sent so far by every probe has completed (at most <paramref name="max"/>).</summary>
    public static async Task DrainAsync(RunContext ctx, TimeSpan max)
    {
        var sent = ctx.Recording.Probes.Select(p => p.Sent()).ToList();
        var start = ctx.Setup.Time.GetTimestamp();
        while (ctx.Recording.Probes.Where((p, i) => p.Samples.Count < sent[i]).Any() && ctx.Setup.Time.GetElapsedTime(start) < max)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), ctx.Setup.Time);
        }
    }
}

using DrillBot.Drills.Analysis;

namespace DrillBot.Drills.Running;

/// <summary>Before the first step, every probe must see the steady state (minOkRatio over its duration); otherwise the run aborts, nothing changed.</summary>
internal static class SteadyStatePhase
{
    public static async Task RunAsync(RunContext ctx, CancellationToken cancellationToken)
    {
        ctx.EnterPhase(RunPhase.SteadyState);
        ctx.Recording.Moments.SteadyFrom = ctx.Setup.Time.GetUtcNow();
        ctx.Recording.Mark("steady-state", "steady state check");
        await Task.Delay(ctx.Setup.Drill.SteadyState.Duration, ctx.Setup.Time, cancellationToken);
        ctx.Recording.Moments.SteadyTo = ctx.Setup.Time.GetUtcNow();
        await ObservePhase.DrainAsync(ctx, ctx.Recording.Probes.Max(p => p.Probe.Timeout));
        foreach (var log in ctx.Recording.Probes)
        {
            var steady = SampleWindows.Between(log.Samples.All(), ctx.Recording.Moments.SteadyFrom.Value, ctx.Recording.Moments.SteadyTo.Value).ToList();
            var ratio = steady.Count == 0 ? 0 : steady.Count(s => s.Ok) / (double)steady.Count;
            if (steady.Count == 0 || ratio < ctx.Setup.Drill.SteadyState.MinOkRatio - 1e-9)
            {
                var classes = string.Join(", ", steady.GroupBy(s => s.Class).Select(g => $"{g.Key} {g.Count()}"));
                var probe = log.View.Name is { } name ? $" (probe {name})" : string.Empty;
                ctx.Recording.Stop(Verdict.Aborted, $"steady state did not hold before the fault: ok ratio {ratio:0.###} < {ctx.Setup.Drill.SteadyState.MinOkRatio:0.###} over {steady.Count} samples ({classes}){probe}");
                return;
            }
        }
    }
}

using DrillBot.Drills.Analysis;
using DrillBot.Drills.Cluster;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running.Events;

namespace DrillBot.Drills.Running;

/// <summary>Restore (always), then failback: the steady state must hold again within restore.verifyWithin.</summary>
internal static class RestorePhase
{
    public static async Task<RestoreResult> RestoreAsync(RunContext ctx)
    {
        ctx.EnterPhase(RunPhase.Restore);
        ctx.Mark("restore-start", "restore started");
        List<JournalRecord> records;
        lock (ctx.Records)
        {
            records = [.. ctx.Records];
        }

        using var deadline = new CancellationTokenSource(ctx.Options.RestoreTimeout, ctx.Time);
        var runner = new RestoreRunner(ctx.Journal, Client(ctx), ctx.Time);
        var result = await runner.RestoreAsync(ctx.RunId, records, item =>
        {
            if (!item.Ok)
            {
                Log.RestoreFailed(ctx.Logger, ctx.RunId, item.Target.ToString(), item.Error);
            }

            ctx.Emit(new RestoreItemDone(ctx.RunId, ctx.Drill.Name, ctx.Time.GetUtcNow(), item));
        }, deadline.Token);
        ctx.Mark("restore-done", $"restore {result.Status.ToString().ToLowerInvariant()}", result.FinishedAt);
        return result;
    }

    private static Func<string, ClusterResult<IClusterClient>> Client(RunContext ctx) => name =>
        ctx.Clients.TryGetValue(name, out var c) ? ClusterResult<IClusterClient>.Success(c)
        : ctx.Config.Clusters.TryGetValue(name, out var def) ? ctx.Options.Clusters.Create(def)
        : ClusterResult<IClusterClient>.Failure(new ClusterError(ClusterErrorKind.Invalid, null, $"cluster {name} is not declared in drills.yaml"));

    /// <summary>Probes until a steady-state window follows the restore, or verifyWithin passes.</summary>
    public static async Task FailbackAsync(RunContext ctx, DateTimeOffset restored)
    {
        ctx.EnterPhase(RunPhase.Failback);
        ctx.RestoreFinishedAt = restored;
        var steady = ctx.Drill.SteadyState;
        var deadline = restored + ctx.Drill.Restore.VerifyWithin;
        while (ctx.Time.GetUtcNow() <= deadline + ctx.Drill.Probe.Interval)
        {
            await Task.Delay(ObservePhase.CheckEvery(ctx.Drill), ctx.Time);
            var sorted = ctx.Samples.Complete(ctx.ProbesSent());
            if (SampleWindows.EarliestSteadyWindow(sorted, steady.MinOkRatio, steady.Duration, restored, deadline) is { } first)
            {
                ctx.Mark("failback", "steady state again", first.SentAt);
                return;
            }
        }
    }
}

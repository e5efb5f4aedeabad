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
        var runner = new RestoreRunner(ctx.Journal, Client(ctx), ctx.Time, n => ctx.CheckpointAsync($"restore-item:{n}"));
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

    /// <summary>
    /// Probes until failback is proved — a steady-state window after the restore, the restored Deployments ready again
    /// and, with restore.failback, the original region serving its share (docs/drills-yaml.md#restore) — or verifyWithin passes.
    /// </summary>
    public static async Task FailbackAsync(RunContext ctx, DateTimeOffset restored)
    {
        ctx.EnterPhase(RunPhase.Failback);
        ctx.RestoreFinishedAt = restored;
        var readiness = new FailbackReadiness(ctx);
        var deadline = restored + ctx.Drill.Restore.VerifyWithin;
        while (ctx.Time.GetUtcNow() <= deadline + ctx.Drill.Probe.Interval)
        {
            await Task.Delay(ObservePhase.CheckEvery(ctx.Drill), ctx.Time);
            var ready = await readiness.ReadyAsync(CancellationToken.None);
            var sorted = ctx.Samples.Complete(ctx.ProbesSent());
            if (ready && FailbackWindows.Moment(ctx.Drill, sorted, restored, ctx.DeploymentsReadyAt, null).At is { } at)
            {
                ctx.Mark("failback", ctx.Drill.Restore.Failback is { } f ? $"{f.ServedBy} serves again" : "steady state again", at);
                return;
            }
        }

        ctx.DeploymentsNotReady = readiness.Pending;
    }
}

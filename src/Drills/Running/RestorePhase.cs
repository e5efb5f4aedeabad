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
        ctx.Recording.Mark("restore-start", "restore started");
        List<JournalRecord> records;
        lock (ctx.Recording.Records)
        {
            records = [.. ctx.Recording.Records];
        }

        using var deadline = new CancellationTokenSource(ctx.Setup.Options.RestoreTimeout, ctx.Setup.Time);
        var runner = new RestoreRunner(ctx.Setup.Journal, Client(ctx), ctx.Setup.Time, n => ctx.Setup.CheckpointAsync($"restore-item:{n}"));
        var result = await runner.RestoreAsync(ctx.Setup.RunId, records, item =>
        {
            if (!item.Ok)
            {
                Log.RestoreFailed(ctx.Setup.Logger, ctx.Setup.RunId, item.Target.ToString(), item.Error);
            }

            ctx.Emit(new RestoreItemDone(ctx.Setup.RunId, ctx.Setup.Drill.Name, ctx.Setup.Time.GetUtcNow(), item));
        }, deadline.Token);
        ctx.Recording.Mark("restore-done", $"restore {result.Status.WireName()}", result.FinishedAt);
        return result;
    }

    private static Func<string, ClusterResult<IClusterClient>> Client(RunContext ctx) => name =>
        ctx.Clients.TryGetValue(name, out var c) ? ClusterResult<IClusterClient>.Success(c)
        : ctx.Setup.Config.Clusters.TryGetValue(name, out var def) ? ctx.Setup.Options.Clusters.Create(def)
        : ClusterResult<IClusterClient>.Failure(new ClusterError(ClusterErrorKind.Invalid, null, $"cluster {name} is not declared in drills.yaml"));

    /// <summary>
    /// Probes until failback is proved — a steady-state window after the restore, the restored Deployments ready again
    /// and, with restore.failback, the original region serving its share (docs/drills-yaml.md#restore) — or verifyWithin passes.
    /// </summary>
    public static async Task FailbackAsync(RunContext ctx, DateTimeOffset restored)
    {
        ctx.EnterPhase(RunPhase.Failback);
        ctx.Recording.Moments.RestoreFinishedAt = restored;
        var readiness = new FailbackReadiness(ctx);
        var deadline = restored + ctx.Setup.Drill.Restore.VerifyWithin;
        while (ctx.Setup.Time.GetUtcNow() <= deadline + ctx.Setup.Drill.Probe.Interval)
        {
            await Task.Delay(ObservePhase.CheckEvery(ctx.Setup.Drill), ctx.Setup.Time);
            var ready = await readiness.ReadyAsync(CancellationToken.None);
            var sorted = ctx.Recording.Samples.Complete(ctx.ProbesSent());
            if (ready && FailbackWindows.Moment(ctx.Setup.Drill, sorted, restored, ctx.Recording.Moments.DeploymentsReadyAt, null).At is { } at)
            {
                ctx.Recording.Mark("failback", ctx.Setup.Drill.Restore.Failback is { } f ? $"{f.ServedBy} serves again" : "steady state again", at);
                return;
            }
        }

        ctx.Recording.DeploymentsNotReady = readiness.Pending;
    }
}

using DrillBot.Drills.Cluster;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Locking;
using DrillBot.Drills.Scheduling;
using DrillBot.Drills.Steps;

namespace DrillBot.Drills.Running;

/// <summary>Preflight: blackouts, cluster clients, the lock, the journal, preconditions, leftovers of dead runs.</summary>
internal static class PreflightPhase
{
    public static async Task<RunLock?> RunAsync(RunContext ctx, CancellationToken cancellationToken)
    {
        var now = ctx.Setup.Time.GetUtcNow();
        if (ActiveBlackout.At(ctx.Setup.Config.Blackouts, now) is { } blackout)
        {
            ctx.Recording.Stop(Verdict.Aborted, $"refused: blackout '{blackout.Window.Name}' is active (until {blackout.Until:u})");
            return null;
        }

        var names = ctx.Setup.Drill.TouchedClusters.Concat(ctx.Setup.Drill.Preconditions.OfType<ReadyReplicasPrecondition>().Select(p => p.Cluster)).Distinct(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var client = ctx.Setup.Config.Clusters.TryGetValue(name, out var def)
                ? ctx.Setup.Options.Clusters.Create(def)
                : ClusterResult<IClusterClient>.Failure(new ClusterError(ClusterErrorKind.Invalid, null, $"cluster {name} is not declared"));
            if (!client.Ok)
            {
                ctx.Recording.Stop(Verdict.Errored, client.Error!.Message);
                return null;
            }

            ctx.Clients[name] = client.Value!;
        }

        var touched = ctx.Setup.Drill.TouchedClusters.Select(c => ctx.Clients[c]).ToList();
        var request = new LockRequest(ctx.Setup.Holder, new HolderLiveness(ctx.Setup.Options.Owner), ctx.Setup.Options.Lock, ctx.Setup.Time);
        var (runLock, lockError) = await RunLock.AcquireAsync(touched, ctx.Setup.Drill.Namespace, request, cancellationToken);
        if (runLock is null)
        {
            ctx.Recording.Stop(lockError!.Contains("is locked by", StringComparison.Ordinal) || lockError.Contains("same moment", StringComparison.Ordinal) ? Verdict.Aborted : Verdict.Errored, $"refused: {lockError}");
            return null;
        }

        foreach (var taken in runLock.TakenOver)
        {
            Log.LeaseTakenOver(ctx.Setup.Logger, ctx.Setup.RunId, taken.Cluster, taken.PreviousHolder, taken.Reason);
        }

        await ctx.Setup.Journal.BeginRunAsync(new JournalRun(ctx.Setup.RunId, ctx.Setup.Drill.Name, ctx.Setup.Options.Owner, ctx.Recording.Moments.StartedAt), cancellationToken);
        ctx.Recording.Begun = true;
        // a failed check stops the run through ctx.Recording.Stop; the lock is still returned so that it is released
        _ = await CheckPreconditionsAsync(ctx, cancellationToken) && await CheckLeftoversAsync(ctx, cancellationToken);
        return runLock;
    }

    private static async Task<bool> CheckPreconditionsAsync(RunContext ctx, CancellationToken cancellationToken)
    {
        foreach (var p in ctx.Setup.Drill.Preconditions.OfType<ReadyReplicasPrecondition>())
        {
            var ready = await ctx.Clients[p.Cluster].GetReadyReplicasAsync(p.Namespace, p.Deployment, cancellationToken);
            if (!ready.Ok)
            {
                ctx.Recording.Stop(Verdict.Errored, ready.Error!.Message);
                return false;
            }

            if (ready.Value < p.AtLeast)
            {
                ctx.Recording.Stop(Verdict.Aborted, $"precondition failed: Deployment {p.Namespace}/{p.Deployment} in cluster {p.Cluster} has {ready.Value} ready replicas, needs at least {p.AtLeast}");
                return false;
            }
        }

        return true;
    }

    private static async Task<bool> CheckLeftoversAsync(RunContext ctx, CancellationToken cancellationToken)
    {
        foreach (var step in ctx.Setup.Drill.Steps.OfType<ObjectStepDefinition>())
        {
            var target = ChangeBuilder.TargetOf(step);
            var current = await ctx.Clients[target.Cluster].GetAsync(target, cancellationToken);
            if (!current.Ok)
            {
                ctx.Recording.Stop(Verdict.Errored, current.Error!.Message);
                return false;
            }

            if (DrillAnnotations.RunOf(current.Value) is { } other)
            {
                ctx.Recording.Stop(Verdict.Aborted, $"refused: {target} still carries the changes of run {other}; run `drillbot restore` first");
                return false;
            }
        }

        return true;
    }
}

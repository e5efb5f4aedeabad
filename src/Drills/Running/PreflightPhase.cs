using DrillBot.Drills.Cluster;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Locking;
using DrillBot.Drills.Preflight;
using DrillBot.Drills.Scheduling;
using DrillBot.Drills.Steps;

namespace DrillBot.Drills.Running;

/// <summary>Preflight: blackouts, cluster clients, the lock, the journal, preconditions, leftovers of dead runs.</summary>
internal static class PreflightPhase
{
    public static async Task<RunLock?> RunAsync(RunContext ctx, CancellationToken cancellationToken)
    {
        var now = ctx.Time.GetUtcNow();
        if (BlackoutCalendar.ActiveAt(ctx.Config.Blackouts, now) is { } blackout)
        {
            ctx.Stop(Verdict.Aborted, $"refused: blackout '{blackout.Name}' is active (until {BlackoutCalendar.EndOf(blackout, now):u})");
            return null;
        }

        var names = ctx.Drill.TouchedClusters.Concat(ctx.Drill.Preconditions.OfType<ReadyReplicasPrecondition>().Select(p => p.Cluster)).Distinct(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var client = ctx.Config.Clusters.TryGetValue(name, out var def)
                ? ctx.Options.Clusters.Create(def)
                : ClusterResult<IClusterClient>.Failure(new ClusterError(ClusterErrorKind.Invalid, null, $"cluster {name} is not declared"));
            if (!client.Ok)
            {
                ctx.Stop(Verdict.Errored, client.Error!.Message);
                return null;
            }

            ctx.Clients[name] = client.Value!;
        }

        var touched = ctx.Drill.TouchedClusters.Select(c => ctx.Clients[c]).ToList();
        var request = new LockRequest(ctx.Holder, new HolderLiveness(ctx.Options.Owner), ctx.Options.Lock, ctx.Time);
        var (runLock, lockError) = await RunLock.AcquireAsync(touched, ctx.Drill.Namespace, request, cancellationToken);
        if (runLock is null)
        {
            ctx.Stop(lockError!.Contains("is locked by", StringComparison.Ordinal) || lockError.Contains("same moment", StringComparison.Ordinal) ? Verdict.Aborted : Verdict.Errored, $"refused: {lockError}");
            return null;
        }

        foreach (var taken in runLock.TakenOver)
        {
            Log.LeaseTakenOver(ctx.Logger, ctx.RunId, taken.Cluster, taken.PreviousHolder, taken.Reason);
        }

        await ctx.Journal.BeginRunAsync(new JournalRun(ctx.RunId, ctx.Drill.Name, ctx.Options.Owner, ctx.StartedAt), cancellationToken);
        ctx.Begun = true;
        // a failed check stops the run through ctx.Stop; the lock is still returned so that it is released
        _ = await CheckPreconditionsAsync(ctx, cancellationToken) && await CheckFailoverAsync(ctx, cancellationToken) && await CheckLeftoversAsync(ctx, cancellationToken);
        return runLock;
    }

    private static async Task<bool> CheckPreconditionsAsync(RunContext ctx, CancellationToken cancellationToken)
    {
        foreach (var p in ctx.Drill.Preconditions.OfType<ReadyReplicasPrecondition>())
        {
            var ready = await ctx.Clients[p.Cluster].GetReadyReplicasAsync(p.Namespace, p.Deployment, cancellationToken);
            if (!ready.Ok)
            {
                ctx.Stop(Verdict.Errored, ready.Error!.Message);
                return false;
            }

            if (ready.Value < p.AtLeast)
            {
                ctx.Stop(Verdict.Aborted, $"precondition failed: Deployment {p.Namespace}/{p.Deployment} in cluster {p.Cluster} has {ready.Value} ready replicas, needs at least {p.AtLeast}");
                return false;
            }
        }

        return true;
    }

    /// <summary>The failover the drill expects can happen on the live mesh (reads only); a refusal marks the run misconfigured (CLI exit 2).</summary>
    private static async Task<bool> CheckFailoverAsync(RunContext ctx, CancellationToken cancellationToken)
    {
        ClusterResult<IClusterClient> Client(string name)
        {
            if (ctx.Clients.TryGetValue(name, out var known))
            {
                return ClusterResult<IClusterClient>.Success(known);
            }

            var created = ctx.Config.Clusters.TryGetValue(name, out var def) ? ctx.Options.Clusters.Create(def)
                : ClusterResult<IClusterClient>.Failure(new ClusterError(ClusterErrorKind.Invalid, null, $"cluster {name} is not declared"));
            if (created.Ok)
            {
                ctx.Clients[name] = created.Value!;
            }

            return created;
        }

        if (await FailoverPreflight.CheckAsync(ctx.Config, ctx.Drill, Client, cancellationToken) is not { } finding)
        {
            return true;
        }

        ctx.Misconfigured = !finding.Errored;
        ctx.Stop(finding.Errored ? Verdict.Errored : Verdict.Aborted, finding.Reason);
        return false;
    }

    private static async Task<bool> CheckLeftoversAsync(RunContext ctx, CancellationToken cancellationToken)
    {
        foreach (var step in ctx.Drill.Steps.OfType<ObjectStepDefinition>())
        {
            var target = ChangeBuilder.TargetOf(step);
            var current = await ctx.Clients[target.Cluster].GetAsync(target, cancellationToken);
            if (!current.Ok)
            {
                ctx.Stop(Verdict.Errored, current.Error!.Message);
                return false;
            }

            if (DrillAnnotations.RunOf(current.Value) is { } other)
            {
                ctx.Stop(Verdict.Aborted, $"refused: {target} still carries the changes of run {other}; run `drillbot restore` first");
                return false;
            }

            if (step is FailWorkloadStep && current.Value is not null)
            {
                ctx.Stop(Verdict.Aborted, $"refused: {target} already exists and is not this drill's; give failWorkload.name another name or delete it");
                return false;
            }
        }

        return true;
    }
}

using DrillBot.Drills.Journal;

namespace DrillBot.Drills.Running;

/// <summary>Failback needs the Deployments the restore put back to be ready again: readyReplicas ≥ spec.replicas for each.</summary>
internal sealed class FailbackReadiness(RunContext ctx)
{
    private readonly List<ObjectRef> _deployments = Restored(ctx);

    public string? Pending { get; private set; }

    /// <summary>True once every restored Deployment is ready (recorded in ctx.Recording.Moments.DeploymentsReadyAt); always true with none.</summary>
    public async Task<bool> ReadyAsync(CancellationToken cancellationToken)
    {
        if (ctx.Recording.Moments.DeploymentsReadyAt is not null || _deployments.Count == 0)
        {
            return true;
        }

        foreach (var d in _deployments)
        {
            if (!ctx.Clients.TryGetValue(d.Cluster, out var client))
            {
                Pending = $"cluster {d.Cluster} is not reachable";
                return false;
            }

            var wanted = await client.GetScaleAsync(d.Namespace, d.Name, cancellationToken);
            var ready = await client.GetReadyReplicasAsync(d.Namespace, d.Name, cancellationToken);
            if (!wanted.Ok || !ready.Ok || ready.Value < wanted.Value)
            {
                Pending = $"Deployment {d.Namespace}/{d.Name} in cluster {d.Cluster} had {(ready.Ok ? ready.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?")} of {(wanted.Ok ? wanted.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?")} ready replicas {Analysis.Format.Seconds(ctx.Setup.Drill.Restore.VerifyWithin)} after restore";
                return false;
            }
        }

        Pending = null;
        ctx.Recording.Moments.DeploymentsReadyAt = ctx.Setup.Time.GetUtcNow();
        ctx.Recording.Mark("failback-ready", "restored Deployments ready");
        return true;
    }

    private static List<ObjectRef> Restored(RunContext ctx)
    {
        lock (ctx.Recording.Records)
        {
            return [.. ctx.Recording.Records.Select(r => r.Entry.Target).Where(t => t.Kind == ObjectKind.Deployment).Distinct()];
        }
    }
}

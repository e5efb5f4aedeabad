using DrillBot.Drills.Journal;

namespace DrillBot.Drills.Running;

/// <summary>Failback needs the Deployments a restore put back to be ready again: readyReplicas ≥ spec.replicas for each.</summary>
internal sealed class FailbackReadiness(RunContext ctx, IEnumerable<JournalRecord> restored)
{
    private readonly List<ObjectRef> _deployments = [.. restored.Select(r => r.Entry.Target).Where(t => t.Kind == ObjectKind.Deployment).Distinct()];

    public string? Pending { get; private set; }

    /// <summary>When every restored Deployment was seen ready (null: none restored, or not yet).</summary>
    public DateTimeOffset? ReadyAt { get; private set; }

    /// <summary>True once every restored Deployment is ready (then <see cref="ReadyAt"/> is set); always true with none.</summary>
    public async Task<bool> ReadyAsync(CancellationToken cancellationToken)
    {
        if (ReadyAt is not null || _deployments.Count == 0)
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
        ReadyAt = ctx.Setup.Time.GetUtcNow();
        return true;
    }
}

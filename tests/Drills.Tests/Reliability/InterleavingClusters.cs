using System.Text.Json.Nodes;
using DrillBot.Drills.Cluster;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;

namespace DrillBot.Drills.Tests.Reliability;

/// <summary>
/// The real Lab clients, with a hook that runs once just before the first write matching a predicate reaches
/// the API server: a deterministic way to land someone else's edit between the engine's read and its write.
/// </summary>
internal sealed class InterleavingClusters(IClusterClientFactory inner, Func<ObjectRef, JsonObject, bool> match, Func<Task> interleave) : IClusterClientFactory
{
    private int _fired;

    public bool Fired => Volatile.Read(ref _fired) == 1;

    public ClusterResult<IClusterClient> Create(ClusterDefinition cluster)
    {
        var client = inner.Create(cluster);
        return client.Ok ? ClusterResult<IClusterClient>.Success(new Client(client.Value!, this)) : client;
    }

    private async Task BeforeWriteAsync(ObjectRef target, JsonObject write)
    {
        if (match(target, write) && Interlocked.CompareExchange(ref _fired, 1, 0) == 0)
        {
            await interleave();
        }
    }

    private sealed class Client(IClusterClient inner, InterleavingClusters owner) : IClusterClient
    {
        public string Name => inner.Name;

        public Task<ClusterResult<JsonObject?>> GetAsync(ObjectRef target, CancellationToken cancellationToken) => inner.GetAsync(target, cancellationToken);

        public async Task<ClusterResult<JsonObject>> PatchAsync(ObjectRef target, JsonObject mergePatch, CancellationToken cancellationToken)
        {
            await owner.BeforeWriteAsync(target, mergePatch);
            return await inner.PatchAsync(target, mergePatch, cancellationToken);
        }

        public Task<ClusterResult<JsonObject>> CreateAsync(ObjectRef target, JsonObject body, CancellationToken cancellationToken) => inner.CreateAsync(target, body, cancellationToken);

        public Task<ClusterResult<bool>> DeleteAsync(ObjectRef target, CancellationToken cancellationToken) => inner.DeleteAsync(target, cancellationToken);

        public Task<ClusterResult<int>> GetScaleAsync(string @namespace, string deployment, CancellationToken cancellationToken) => inner.GetScaleAsync(@namespace, deployment, cancellationToken);

        public async Task<ClusterResult<int>> PatchScaleAsync(string @namespace, string deployment, int replicas, CancellationToken cancellationToken)
        {
            await owner.BeforeWriteAsync(new ObjectRef(Name, ObjectKind.Deployment, @namespace, deployment), new JsonObject { ["spec"] = new JsonObject { ["replicas"] = replicas } });
            return await inner.PatchScaleAsync(@namespace, deployment, replicas, cancellationToken);
        }

        public Task<ClusterResult<int>> GetReadyReplicasAsync(string @namespace, string deployment, CancellationToken cancellationToken) => inner.GetReadyReplicasAsync(@namespace, deployment, cancellationToken);

        public Task<ClusterResult<LeaseState?>> GetLeaseAsync(string @namespace, string name, CancellationToken cancellationToken) => inner.GetLeaseAsync(@namespace, name, cancellationToken);

        public Task<ClusterResult<LeaseState>> CreateLeaseAsync(string @namespace, LeaseState lease, CancellationToken cancellationToken) => inner.CreateLeaseAsync(@namespace, lease, cancellationToken);

        public Task<ClusterResult<LeaseState>> UpdateLeaseAsync(string @namespace, LeaseState lease, CancellationToken cancellationToken) => inner.UpdateLeaseAsync(@namespace, lease, cancellationToken);

        public Task<ClusterResult<ObjectList>> ListAsync(ObjectKind kind, string @namespace, CancellationToken cancellationToken) => inner.ListAsync(kind, @namespace, cancellationToken);

        public Task<ClusterResult<AccessDecision>> ReviewAccessAsync(AccessCheck check, CancellationToken cancellationToken) => inner.ReviewAccessAsync(check, cancellationToken);

        public Task<ClusterResult<JsonObject?>> DryRunAsync(PlannedWrite write, CancellationToken cancellationToken) => inner.DryRunAsync(write, cancellationToken);

        public IAsyncEnumerable<ObjectEvent> WatchAsync(ObjectRef target, string? resourceVersion, CancellationToken cancellationToken) => inner.WatchAsync(target, resourceVersion, cancellationToken);
    }
}

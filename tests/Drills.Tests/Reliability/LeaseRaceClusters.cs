using System.Text.Json.Nodes;
using DrillBot.Drills.Cluster;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;

namespace DrillBot.Drills.Tests.Reliability;

/// <summary>
/// The real Lab clients, with a hook that runs once just before the first drill-lease write (create or update) of one
/// cluster reaches the API server: a deterministic way to let someone else take the lease between the engine's read
/// and its write, as when two processes ask for it in the same instant.
/// </summary>
internal sealed class LeaseRaceClusters(IClusterClientFactory inner, string cluster, Func<Task> rival) : IClusterClientFactory
{
    private int _fired;

    public bool Fired => Volatile.Read(ref _fired) == 1;

    public ClusterResult<IClusterClient> Create(ClusterDefinition definition)
    {
        var client = inner.Create(definition);
        return client.Ok ? ClusterResult<IClusterClient>.Success(new Client(client.Value!, this)) : client;
    }

    private async Task BeforeLeaseWriteAsync(string name)
    {
        if (name == cluster && Interlocked.CompareExchange(ref _fired, 1, 0) == 0)
        {
            await rival();
        }
    }

    private sealed class Client(IClusterClient inner, LeaseRaceClusters owner) : IClusterClient
    {
        public string Name => inner.Name;

        public Task<ClusterResult<JsonObject?>> GetAsync(ObjectRef target, CancellationToken cancellationToken) => inner.GetAsync(target, cancellationToken);

        public Task<ClusterResult<JsonObject>> PatchAsync(ObjectRef target, JsonObject mergePatch, CancellationToken cancellationToken) => inner.PatchAsync(target, mergePatch, cancellationToken);

        public Task<ClusterResult<JsonObject>> CreateAsync(ObjectRef target, JsonObject body, CancellationToken cancellationToken) => inner.CreateAsync(target, body, cancellationToken);

        public Task<ClusterResult<bool>> DeleteAsync(ObjectRef target, CancellationToken cancellationToken) => inner.DeleteAsync(target, cancellationToken);

        public Task<ClusterResult<int>> GetScaleAsync(string @namespace, string deployment, CancellationToken cancellationToken) => inner.GetScaleAsync(@namespace, deployment, cancellationToken);

        public Task<ClusterResult<int>> PatchScaleAsync(string @namespace, string deployment, int replicas, CancellationToken cancellationToken) => inner.PatchScaleAsync(@namespace, deployment, replicas, cancellationToken);

        public Task<ClusterResult<int>> GetReadyReplicasAsync(string @namespace, string deployment, CancellationToken cancellationToken) => inner.GetReadyReplicasAsync(@namespace, deployment, cancellationToken);

        public Task<ClusterResult<LeaseState?>> GetLeaseAsync(string @namespace, string name, CancellationToken cancellationToken) => inner.GetLeaseAsync(@namespace, name, cancellationToken);

        public async Task<ClusterResult<LeaseState>> CreateLeaseAsync(string @namespace, LeaseState lease, CancellationToken cancellationToken)
        {
            await owner.BeforeLeaseWriteAsync(Name);
            return await inner.CreateLeaseAsync(@namespace, lease, cancellationToken);
        }

        public async Task<ClusterResult<LeaseState>> UpdateLeaseAsync(string @namespace, LeaseState lease, CancellationToken cancellationToken)
        {
            await owner.BeforeLeaseWriteAsync(Name);
            return await inner.UpdateLeaseAsync(@namespace, lease, cancellationToken);
        }

        public Task<ClusterResult<ObjectList>> ListAsync(ObjectKind kind, string @namespace, CancellationToken cancellationToken) => inner.ListAsync(kind, @namespace, cancellationToken);

        public Task<ClusterResult<AccessDecision>> ReviewAccessAsync(AccessCheck check, CancellationToken cancellationToken) => inner.ReviewAccessAsync(check, cancellationToken);

        public Task<ClusterResult<JsonObject?>> DryRunAsync(PlannedWrite write, CancellationToken cancellationToken) => inner.DryRunAsync(write, cancellationToken);

        public IAsyncEnumerable<ObjectEvent> WatchAsync(ObjectRef target, string? resourceVersion, CancellationToken cancellationToken) => inner.WatchAsync(target, resourceVersion, cancellationToken);
    }
}

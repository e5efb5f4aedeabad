using System.Text.Json.Nodes;
using DrillBot.Drills.Cluster;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;

namespace DrillBot.Tests.Resumption;

/// <summary>
/// Cluster access that can be frozen, to stand in for a DrillBot process that died mid-drill: once
/// <see cref="Freeze"/> is called every call (lease renewals, restore) hangs, so nothing more reaches
/// the clusters; <see cref="Dispose"/> lets the hung calls fail, never succeed.
/// </summary>
internal sealed class FreezableClusters(IClusterClientFactory inner) : IClusterClientFactory, IDisposable
{
    private readonly CancellationTokenSource dead = new();
    private volatile bool frozen;

    public void Freeze() => frozen = true;

    public ClusterResult<IClusterClient> Create(ClusterDefinition cluster)
    {
        var created = inner.Create(cluster);
        return created.Ok ? ClusterResult<IClusterClient>.Success(new Client(this, created.Value!)) : created;
    }

    public void Dispose()
    {
        dead.Cancel();
        dead.Dispose();
    }

    private async Task HangAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, dead.Token);
            await Task.Delay(Timeout.Infinite, linked.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // the test ended the dead process, or the watch was stopped
        }
    }

    private async Task<ClusterResult<T>> CallAsync<T>(Func<Task<ClusterResult<T>>> call, CancellationToken cancellationToken)
    {
        if (frozen)
        {
            try
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, dead.Token);
                await Task.Delay(Timeout.Infinite, linked.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return ClusterResult<T>.Failure(new ClusterError(ClusterErrorKind.Unavailable, null, "the process is dead"));
            }
        }

        return await call();
    }

    private sealed class Client(FreezableClusters owner, IClusterClient inner) : IClusterClient
    {
        public string Name => inner.Name;

        public Task<ClusterResult<JsonObject?>> GetAsync(ObjectRef target, CancellationToken ct) => owner.CallAsync(() => inner.GetAsync(target, ct), ct);

        public Task<ClusterResult<JsonObject>> PatchAsync(ObjectRef target, JsonObject mergePatch, CancellationToken ct) => owner.CallAsync(() => inner.PatchAsync(target, mergePatch, ct), ct);

        public Task<ClusterResult<JsonObject>> CreateAsync(ObjectRef target, JsonObject body, CancellationToken ct) => owner.CallAsync(() => inner.CreateAsync(target, body, ct), ct);

        public Task<ClusterResult<bool>> DeleteAsync(ObjectRef target, CancellationToken ct) => owner.CallAsync(() => inner.DeleteAsync(target, ct), ct);

        public Task<ClusterResult<int>> GetScaleAsync(string ns, string deployment, CancellationToken ct) => owner.CallAsync(() => inner.GetScaleAsync(ns, deployment, ct), ct);

        public Task<ClusterResult<int>> PatchScaleAsync(string ns, string deployment, int replicas, CancellationToken ct) => owner.CallAsync(() => inner.PatchScaleAsync(ns, deployment, replicas, ct), ct);

        public Task<ClusterResult<int>> GetReadyReplicasAsync(string ns, string deployment, CancellationToken ct) => owner.CallAsync(() => inner.GetReadyReplicasAsync(ns, deployment, ct), ct);

        public Task<ClusterResult<LeaseState?>> GetLeaseAsync(string ns, string name, CancellationToken ct) => owner.CallAsync(() => inner.GetLeaseAsync(ns, name, ct), ct);

        public Task<ClusterResult<LeaseState>> CreateLeaseAsync(string ns, LeaseState lease, CancellationToken ct) => owner.CallAsync(() => inner.CreateLeaseAsync(ns, lease, ct), ct);

        public Task<ClusterResult<LeaseState>> UpdateLeaseAsync(string ns, LeaseState lease, CancellationToken ct) => owner.CallAsync(() => inner.UpdateLeaseAsync(ns, lease, ct), ct);

        public Task<ClusterResult<ObjectList>> ListAsync(ObjectKind kind, string @namespace, CancellationToken cancellationToken) => owner.CallAsync(() => inner.ListAsync(kind, @namespace, cancellationToken), cancellationToken);

        public Task<ClusterResult<AccessDecision>> ReviewAccessAsync(AccessCheck check, CancellationToken cancellationToken) => owner.CallAsync(() => inner.ReviewAccessAsync(check, cancellationToken), cancellationToken);

        public Task<ClusterResult<JsonObject?>> DryRunAsync(PlannedWrite write, CancellationToken cancellationToken) => owner.CallAsync(() => inner.DryRunAsync(write, cancellationToken), cancellationToken);

        public async IAsyncEnumerable<ObjectEvent> WatchAsync(ObjectRef target, string? resourceVersion, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var e in inner.WatchAsync(target, resourceVersion, cancellationToken))
            {
                if (owner.frozen)
                {
                    await owner.HangAsync(cancellationToken); // a dead process hears nothing more
                    yield break;
                }

                yield return e;
            }
        }
    }
}

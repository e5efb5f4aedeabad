using System.Text.Json.Nodes;
using DrillBot.Drills.Journal;

namespace DrillBot.Drills.Cluster;

/// <summary>
/// The only way the engine reaches a cluster: whole objects as JSON, JSON merge patches, the scale
/// subresource, readiness and leases, lists, watches, access reviews and dry runs. Every write names the field manager
/// <c>drillbot</c>. Every call returns an outcome; transient failures are retried inside (429/5xx/connection errors,
/// honouring Retry-After).
/// </summary>
public interface IClusterClient
{
    /// <summary>The cluster's name in drills.yaml.</summary>
    string Name { get; }

    /// <summary>The object, or a null value when it does not exist.</summary>
    Task<ClusterResult<JsonObject?>> GetAsync(ObjectRef target, CancellationToken cancellationToken);

    /// <summary>Applies a JSON merge patch (RFC 7386; never strategic merge) and returns the object after it.</summary>
    Task<ClusterResult<JsonObject>> PatchAsync(ObjectRef target, JsonObject mergePatch, CancellationToken cancellationToken);

    Task<ClusterResult<JsonObject>> CreateAsync(ObjectRef target, JsonObject body, CancellationToken cancellationToken);

    /// <summary>Deletes the object; true when it existed.</summary>
    Task<ClusterResult<bool>> DeleteAsync(ObjectRef target, CancellationToken cancellationToken);

    /// <summary>spec.replicas through the scale subresource.</summary>
    Task<ClusterResult<int>> GetScaleAsync(string @namespace, string deployment, CancellationToken cancellationToken);

    /// <summary>Sets spec.replicas through the scale subresource; returns the replicas the server acknowledged.</summary>
    Task<ClusterResult<int>> PatchScaleAsync(string @namespace, string deployment, int replicas, CancellationToken cancellationToken);

    /// <summary>status.readyReplicas of a deployment (0 when absent).</summary>
    Task<ClusterResult<int>> GetReadyReplicasAsync(string @namespace, string deployment, CancellationToken cancellationToken);

    /// <summary>The lease, or a null value when it does not exist.</summary>
    Task<ClusterResult<LeaseState?>> GetLeaseAsync(string @namespace, string name, CancellationToken cancellationToken);

    /// <summary>Creates the lease held by <paramref name="lease"/>.Holder; Conflict when it exists.</summary>
    Task<ClusterResult<LeaseState>> CreateLeaseAsync(string @namespace, LeaseState lease, CancellationToken cancellationToken);

    /// <summary>Replaces the lease if its resourceVersion still matches (Conflict otherwise).</summary>
    Task<ClusterResult<LeaseState>> UpdateLeaseAsync(string @namespace, LeaseState lease, CancellationToken cancellationToken);

    /// <summary>The objects of a kind in a namespace; a kind the cluster does not serve (404) is <see cref="ObjectList.NotServed"/>.</summary>
    Task<ClusterResult<ObjectList>> ListAsync(ObjectKind kind, string @namespace, CancellationToken cancellationToken);

    /// <summary>May this client's identity do <paramref name="check"/>? (a SelfSubjectAccessReview).</summary>
    Task<ClusterResult<AccessDecision>> ReviewAccessAsync(AccessCheck check, CancellationToken cancellationToken);

    /// <summary>Sends <paramref name="write"/> with <c>dryRun=All</c>: the server's answer, nothing stored (a delete answers null).</summary>
    Task<ClusterResult<JsonObject?>> DryRunAsync(PlannedWrite write, CancellationToken cancellationToken);

    /// <summary>
    /// Watches one object from <paramref name="resourceVersion"/>: its events until <paramref name="cancellationToken"/> or the server
    /// ends the watch (the enumeration then completes; a failure is one <see cref="ObjectEvent.Failed"/> event). Never throws.
    /// </summary>
    IAsyncEnumerable<ObjectEvent> WatchAsync(ObjectRef target, string? resourceVersion, CancellationToken cancellationToken);
}

using k8s;
using k8s.Models;

namespace DrillBot.Drills.Cluster;

/// <summary>coordination.k8s.io/v1 Lease calls for <see cref="KubernetesClusterClient"/>.</summary>
internal static class LeaseCalls
{
    public static async Task<ClusterResult<LeaseState?>> GetAsync(IKubernetes client, ClusterCall call, string ns, string name, CancellationToken cancellationToken)
    {
        var r = await call.RunAsync("get", $"Lease {ns}/{name}", ct => client.CoordinationV1.ReadNamespacedLeaseAsync(name, ns, cancellationToken: ct), cancellationToken);
        return r.Error?.Kind == ClusterErrorKind.NotFound ? ClusterResult<LeaseState?>.Success(null)
            : r.Ok ? ClusterResult<LeaseState?>.Success(ToState(r.Value!)) : r.As<LeaseState?>();
    }

    public static async Task<ClusterResult<LeaseState>> CreateAsync(IKubernetes client, ClusterCall call, string ns, LeaseState lease, CancellationToken cancellationToken)
    {
        var r = await call.RunAsync("create", $"Lease {ns}/{lease.Name}", ct => client.CoordinationV1.CreateNamespacedLeaseAsync(ToLease(lease), ns, fieldManager: KubernetesClusterClient.FieldManager, cancellationToken: ct), cancellationToken);
        return r.Ok ? ClusterResult<LeaseState>.Success(ToState(r.Value!)) : r.As<LeaseState>();
    }

    public static async Task<ClusterResult<LeaseState>> UpdateAsync(IKubernetes client, ClusterCall call, string ns, LeaseState lease, CancellationToken cancellationToken)
    {
        var r = await call.RunAsync("update", $"Lease {ns}/{lease.Name}", ct => client.CoordinationV1.ReplaceNamespacedLeaseAsync(ToLease(lease), lease.Name, ns, fieldManager: KubernetesClusterClient.FieldManager, cancellationToken: ct), cancellationToken);
        return r.Ok ? ClusterResult<LeaseState>.Success(ToState(r.Value!)) : r.As<LeaseState>();
    }

    private static V1Lease ToLease(LeaseState s) => new()
    {
        ApiVersion = "coordination.k8s.io/v1",
        Kind = "Lease",
        Metadata = new V1ObjectMeta { Name = s.Name, ResourceVersion = s.ResourceVersion },
        Spec = new V1LeaseSpec
        {
            HolderIdentity = s.Holder,
            LeaseDurationSeconds = (int)Math.Ceiling(s.Duration.TotalSeconds),
            RenewTime = s.RenewTime?.UtcDateTime,
            AcquireTime = s.RenewTime?.UtcDateTime,
        },
    };

    private static LeaseState ToState(V1Lease l) => new(
        l.Metadata.Name,
        l.Spec?.HolderIdentity,
        l.Spec?.RenewTime is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null,
        TimeSpan.FromSeconds(l.Spec?.LeaseDurationSeconds ?? 0),
        l.Metadata.ResourceVersion);
}

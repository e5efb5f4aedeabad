using DrillBot.Lab.Mesh;

namespace DrillBot.Lab.Telemetry;

/// <summary>
/// A proxy's identity as Istio's stats filter labels it (its peer metadata): workload, namespace, principal, app,
/// version, canonical service and revision, and cluster (<c>global.multiCluster.clusterName</c>: the Lab uses the kube
/// context name). Labels of a peer the proxy could not identify are "unknown" (https://istio.io/latest/docs/reference/config/metrics/).
/// Compared by value: the pods of one workload in one cluster share their series (a new pod after a scale-up continues the
/// old pod's counts, as a query summing over pods sees them).
/// </summary>
internal sealed record IstioPeer
{
    public const string UnknownValue = "unknown";

    public required string Workload { get; init; }
    public required string Namespace { get; init; }
    public required string Principal { get; init; }
    public required string App { get; init; }
    public required string Version { get; init; }
    public required string CanonicalService { get; init; }
    public required string CanonicalRevision { get; init; }
    public required string Cluster { get; init; }

    /// <summary>No upstream host was involved (fault FI, no healthy upstream, no cluster).</summary>
    public static IstioPeer Unknown { get; } = new()
    {
        Workload = UnknownValue, Namespace = UnknownValue, Principal = UnknownValue, App = UnknownValue, Version = UnknownValue,
        CanonicalService = UnknownValue, CanonicalRevision = "latest", Cluster = UnknownValue,
    };

    /// <summary>Istio's default ingress gateway (namespace istio-system) in the cluster <paramref name="cluster"/>.</summary>
    public static IstioPeer Gateway(string cluster) => new()
    {
        Workload = Ingress.IngressGateway.Workload, Namespace = "istio-system",
        Principal = "spiffe://cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account",
        App = Ingress.IngressGateway.Workload, Version = UnknownValue, CanonicalService = Ingress.IngressGateway.Workload,
        CanonicalRevision = "latest", Cluster = cluster,
    };

    /// <summary>A Bookinfo pod: workload = its Deployment, canonical service/revision = its app/version labels, Bookinfo's service accounts.</summary>
    public static IstioPeer Of(PodRecord pod, string ns) => new()
    {
        Workload = pod.Deployment, Namespace = ns, Principal = $"spiffe://cluster.local/ns/{ns}/sa/bookinfo-{pod.App}",
        App = pod.App, Version = pod.Version, CanonicalService = pod.App, CanonicalRevision = pod.Version, Cluster = pod.Context.Name,
    };
}

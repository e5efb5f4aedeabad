namespace DrillBot.Lab.Mesh;

/// <summary>
/// An immutable view of the mesh as the proxies see it between two changes. The hot path reads the
/// current one without locks; every state change publishes a new one.
/// </summary>
internal sealed class RoutingSnapshot
{
    /// <summary>When the next scheduled transition is due (the hot path pumps the scheduler past it).</summary>
    public required DateTimeOffset NextDue { get; init; }

    /// <summary>Every reviews host in the routing set (ejected or not).</summary>
    public IReadOnlyList<ReviewsHost> Hosts => Default.Hosts;

    /// <summary>The whole reviews host as one Envoy cluster, seen from the ingress context's productpage.</summary>
    public UpstreamCluster Default => ReviewsFrom(IngressSource);

    /// <summary>Context index of the ingress gateway's cluster (whose productpage <see cref="Default"/> describes).</summary>
    public required int IngressSource { get; init; }

    /// <summary>The reviews clusters of each productpage sidecar, by the productpage's context index (its locality).</summary>
    public required SourceClusters[] ReviewsBySource { get; init; }

    /// <summary>Every productpage endpoint in the routing set (the ingress gateway's upstream hosts).</summary>
    public required IReadOnlyList<ReviewsHost> Productpages { get; init; }

    /// <summary>The primary ingress gateway's productpage cluster (productpage's DestinationRule, from the ingress locality).</summary>
    public UpstreamCluster Ingress => IngressFrom(IngressSource);

    /// <summary>Each ingress gateway's productpage cluster, by the gateway's context index (empty where there is no gateway).</summary>
    public required UpstreamCluster[] IngressBySource { get; init; }

    /// <summary>The productpage cluster of the ingress gateway in context <paramref name="source"/>.</summary>
    public UpstreamCluster IngressFrom(int source) =>
        (uint)source < (uint)IngressBySource.Length ? IngressBySource[source] : UpstreamCluster.Empty;

    /// <summary>The VirtualService route of productpage's reviews requests (fault, destinations, retries), or null.</summary>
    public required VirtualServiceRoute? Route { get; init; }

    public required OutlierSettings? Outlier { get; init; }

    /// <summary>A productpage endpoint is routable and serving somewhere.</summary>
    public required bool ProductpageUp { get; init; }

    /// <summary>Connection set-up paid per request (hops with <c>maxRequestsPerConnection: 1</c>).</summary>
    public required TimeSpan ConnectionCost { get; init; }

    /// <summary>The page when no reviews endpoint answers.</summary>
    public required byte[] SorryPage { get; init; }

    public required RoutingEpoch Epoch { get; init; }

    /// <summary>The whole-host reviews cluster of the productpage in context <paramref name="source"/>.</summary>
    public UpstreamCluster ReviewsFrom(int source) => Clusters(source).Default;

    /// <summary>The reviews cluster (whole host or subset) of the productpage in context <paramref name="source"/>, or null for an unknown subset.</summary>
    public UpstreamCluster? ClusterFor(int source, string? subset) => Clusters(source).For(subset);

    private SourceClusters Clusters(int source) =>
        (uint)source < (uint)ReviewsBySource.Length ? ReviewsBySource[source] : SourceClusters.None;
}

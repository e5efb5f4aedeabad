namespace DrillBot.Lab.Mesh;

/// <summary>
/// An immutable view of the mesh as the sidecars see it between two changes. The hot path reads the
/// current one without locks; every state change publishes a new one.
/// </summary>
internal sealed class RoutingSnapshot
{
    /// <summary>When the next scheduled transition is due (the hot path pumps the scheduler past it).</summary>
    public required DateTimeOffset NextDue { get; init; }

    /// <summary>Every reviews host in the routing set (ejected or not).</summary>
    public IReadOnlyList<ReviewsHost> Hosts => Default.Hosts;

    public LbMode Mode => Default.Mode;

    public bool RandomLb => Default.RandomLb;

    /// <summary>Groups that can receive traffic, with the cumulative probability of each (last = 1).</summary>
    public HostGroup[] Groups => Default.Groups;

    public double[] Cumulative => Default.Cumulative;

    /// <summary>The whole reviews host as one Envoy cluster (no subset).</summary>
    public required UpstreamCluster Default { get; init; }

    /// <summary>One cluster per DestinationRule subset (name → cluster of the hosts carrying its labels).</summary>
    public required IReadOnlyDictionary<string, UpstreamCluster> Subsets { get; init; }

    /// <summary>The VirtualService route of productpage's reviews requests (fault, destinations, retries), or null.</summary>
    public required VirtualServiceRoute? Route { get; init; }

    /// <summary>The productpage pod that calls reviews (the request record's source), or null.</summary>
    public string? ProductpagePod { get; init; }

    public required OutlierSettings? Outlier { get; init; }

    /// <summary>A productpage endpoint in the ingress region is routable and serving.</summary>
    public required bool ProductpageUp { get; init; }

    /// <summary>The page when no reviews endpoint answers.</summary>
    public required byte[] SorryPage { get; init; }

    public required RoutingEpoch Epoch { get; init; }
}

using DrillBot.Lab.State;

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
    public required IReadOnlyList<ReviewsHost> Hosts { get; init; }

    /// <summary>Every productpage endpoint in the routing set (the ingress gateway's upstream hosts).</summary>
    public required IReadOnlyList<ReviewsHost> Productpages { get; init; }

    /// <summary>The ingress gateway's plan for productpage (productpage's DestinationRule, from the ingress locality).</summary>
    public required LbRoute Ingress { get; init; }

    /// <summary>The reviews plan of a productpage sidecar, by the productpage's context index (its locality).</summary>
    public required LbRoute[] ReviewsBySource { get; init; }

    public required OutlierSettings? Outlier { get; init; }

    /// <summary>A productpage endpoint is routable and serving somewhere.</summary>
    public required bool ProductpageUp { get; init; }

    /// <summary>Connection set-up paid per request (hops with <c>maxRequestsPerConnection: 1</c>).</summary>
    public required TimeSpan ConnectionCost { get; init; }

    /// <summary>The page when no reviews endpoint answers.</summary>
    public required byte[] SorryPage { get; init; }

    public required RoutingEpoch Epoch { get; init; }

    /// <summary>The reviews plan of the productpage in context <paramref name="source"/>.</summary>
    public LbRoute ReviewsFrom(int source) => (uint)source < (uint)ReviewsBySource.Length ? ReviewsBySource[source] : LbRoute.Empty;

    /// <summary>Picks a reviews host for one attempt of the productpage in context <paramref name="source"/> (see <see cref="LbRoute.Pick"/>).</summary>
    public ReviewsHost? Pick(int source, SeededRandom random, ReviewsHost? previous1, ReviewsHost? previous2) =>
        ReviewsFrom(source).Pick(random, previous1, previous2);
}

using DrillBot.Lab.Mesh;
using DrillBot.Lab.State;

namespace DrillBot.Lab.Ingress;

/// <summary>
/// The ingress gateway's Envoy picking a productpage endpoint: productpage's DestinationRule and the
/// mesh-wide locality setting decide, from the ingress's locality; a connection refused by a stopped pod
/// still in EDS is retried on another endpoint like Istio's default retry policy. One per ingress gateway: it balances
/// from the locality of <paramref name="context"/> (its cluster).
/// </summary>
internal sealed class IngressGateway(LabWorld world, ContextState context)
{
    public static readonly byte[] NoHealthyUpstream = "no healthy upstream"u8.ToArray();

    public static readonly byte[] ConnectFailure =
        "upstream connect error or disconnect/reset before headers. reset reason: connection failure"u8.ToArray();

    /// <summary>The productpage that takes the request, or null and the 503 body Envoy answers.</summary>
    public (ReviewsHost? Host, byte[] Failure) PickProductpage(RoutingSnapshot snapshot)
    {
        ReviewsHost? previous1 = null;
        ReviewsHost? previous2 = null;
        var attempts = 1 + world.Topology.Mesh.RetryAttempts;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            var host = snapshot.IngressFrom(context.Index).Pick(world.HotRandom, previous1, previous2);
            if (host is null)
            {
                return (null, NoHealthyUpstream);
            }

            if (host.Serving)
            {
                return (host, []);
            }

            previous2 = previous1;
            previous1 = host;
        }

        return (null, ConnectFailure);
    }
}

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
    /// <summary>The gateway's workload (and the hop records' source): Istio's default ingress gateway.</summary>
    public const string Workload = "istio-ingressgateway";

    public static readonly byte[] NoHealthyUpstream = "no healthy upstream"u8.ToArray();

    public static readonly byte[] ConnectFailure =
        "upstream connect error or disconnect/reset before headers. reset reason: connection failure"u8.ToArray();

    /// <summary>
    /// The productpage that takes the request, or null and the 503 body Envoy answers. Refused attempts (flag UF) and a
    /// failure (UH, or UF,URX once the retries are spent) are added to <paramref name="attempts"/>; the attempt that
    /// reaches a serving productpage is added by the caller once its answer is known.
    /// </summary>
    public (ReviewsHost? Host, byte[] Failure) PickProductpage(RoutingSnapshot snapshot, List<HopRecord> attempts)
    {
        ReviewsHost? previous1 = null;
        ReviewsHost? previous2 = null;
        var upstream = snapshot.IngressFrom(context.Index);
        var cluster = upstream.Name;
        var tries = 1 + world.Topology.Mesh.RetryAttempts;
        for (var attempt = 1; attempt <= tries; attempt++)
        {
            var host = upstream.Pick(world.HotRandom, previous1, previous2);
            if (host is null)
            {
                attempts.Add(new HopRecord(Workload, null, cluster, 1, attempt, 503, "UH", null));
                return (null, NoHealthyUpstream);
            }

            if (host.Serving)
            {
                return (host, []);
            }

            attempts.Add(new HopRecord(Workload, host.Name, cluster, 1, attempt, 0, attempt == tries ? "UF,URX" : "UF", null));
            previous2 = previous1;
            previous1 = host;
        }

        return (null, ConnectFailure);
    }
}

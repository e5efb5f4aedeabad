using DrillBot.Lab.State;

namespace DrillBot.Lab.Mesh;

/// <summary>Builds the routing snapshot from the world state (under the world lock).</summary>
internal static class SnapshotBuilder
{
    public static RoutingSnapshot Build(LabWorld world, RoutingEpoch epoch, DateTimeOffset nextDue)
    {
        var routable = world.Pods.Routable.ToList();
        var detailsUp = routable.Any(p => p.App == "details" && p.Serving);
        var ratingsUp = routable.Any(p => p.App == "ratings" && p.Serving);
        var policy = world.Policy;
        var hosts = routable.Where(p => p.App == "reviews")
            .OrderBy(p => p.Context.Index).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new ReviewsHost(p, world.RegionIndex[p.Context.Region!], world.Control.IsRegionFailing(p.Context.Region),
                policy.FaultFor(p.App, p.Version), world.Pages.For(p.Name, p.Version, detailsUp, ratingsUp)))
            .ToArray();

        // The ingress gateway balances across every region's productpage by productpage's own policy;
        // each productpage's sidecar picks reviews from its own locality (docs/lab.md, Fidelity).
        var productpages = routable.Where(p => p.App == "productpage")
            .OrderBy(p => p.Context.Index).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new ReviewsHost(p, world.RegionIndex[p.Context.Region!], false, null, []))
            .ToArray();
        var services = world.Topology;
        var ingress = LbRoute.Build(productpages,
            EffectiveLocality.Resolve(world.MeshLocality, world.ProductpageTraffic.LocalityLb, services.ServiceFor("productpage").PreferClose),
            world.ProductpageTraffic, world.IngressContext.Region, world.IngressContext.Zone);
        var reviewsLocality = EffectiveLocality.Resolve(world.MeshLocality, world.ReviewsTraffic.LocalityLb, services.ServiceFor("reviews").PreferClose);
        var bySource = world.Contexts
            .Select(c => c.Region is null ? LbRoute.Empty : LbRoute.Build(hosts, reviewsLocality, world.ReviewsTraffic, c.Region, c.Zone))
            .ToArray();
        var latency = world.Topology.Timing.ConnectionSetupLatency;
        return new RoutingSnapshot
        {
            NextDue = nextDue,
            Hosts = hosts,
            Productpages = productpages,
            Ingress = ingress,
            ReviewsBySource = bySource,
            Outlier = policy.Outlier,
            ProductpageUp = productpages.Any(p => p.Serving),
            ConnectionCost = (world.ProductpageTraffic.ConnectionPerRequest ? latency : TimeSpan.Zero)
                + (world.ReviewsTraffic.ConnectionPerRequest ? latency : TimeSpan.Zero),
            SorryPage = world.Pages.For(null, null, detailsUp, ratingsUp),
            Epoch = epoch,
        };
    }
}

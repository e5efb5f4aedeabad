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
        var productpageUp = routable.Any(p => p.App == "productpage" && p.Serving && p.Context.Region == world.IngressContext.Region);
        var policy = world.Policy;
        var hosts = routable.Where(p => p.App == "reviews")
            .OrderBy(p => p.Context.Index).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new ReviewsHost(p, world.RegionIndex[p.Context.Region!], world.Control.IsRegionFailing(p.Context.Region),
                policy.FaultFor(p.App, p.Version), world.Pages.For(p.Name, p.Version, detailsUp, ratingsUp)))
            .ToArray();
        var (mode, groups, cumulative) = LoadBalancerPlan.Build(hosts, policy, world.Topology.Mesh.LocalityLbEnabledByDefault,
            world.IngressContext.Region, world.IngressContext.Zone);
        return new RoutingSnapshot
        {
            NextDue = nextDue,
            Hosts = hosts,
            Mode = mode,
            RandomLb = policy.RandomLb,
            Groups = groups,
            Cumulative = cumulative,
            Outlier = policy.Outlier,
            ProductpageUp = productpageUp,
            SorryPage = world.Pages.For(null, null, detailsUp, ratingsUp),
            Epoch = epoch,
        };
    }
}

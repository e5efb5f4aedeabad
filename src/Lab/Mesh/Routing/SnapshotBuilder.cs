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
                policy.ServerFaultFor(world.Namespace, p.App, p.Version), world.Pages.For(p.Name, p.Version, detailsUp, ratingsUp)))
            .ToArray();
        UpstreamCluster Cluster(string? subset, IReadOnlyList<ReviewsHost> members) => UpstreamCluster.Build(
            UpstreamCluster.ClusterName(subset, world.Namespace), members, policy, world.Topology.Mesh.LocalityLbEnabledByDefault,
            world.IngressContext.Region, world.IngressContext.Zone);
        return new RoutingSnapshot
        {
            NextDue = nextDue,
            Default = Cluster(null, hosts),
            Subsets = policy.Subsets.ToDictionary(s => s.Key, s => Cluster(s.Key, hosts.Where(h => SubsetSelects(s.Value, h)).ToArray()), StringComparer.Ordinal),
            Route = policy.Route,
            ProductpagePod = routable.FirstOrDefault(p => p.App == "productpage" && p.Serving && p.Context.Region == world.IngressContext.Region)?.Name,
            Outlier = policy.Outlier,
            ProductpageUp = productpageUp,
            SorryPage = world.Pages.For(null, null, detailsUp, ratingsUp),
            Epoch = epoch,
        };
    }

    /// <summary>A subset's labels select a pod (the Lab's pods carry app and version labels).</summary>
    private static bool SubsetSelects(IReadOnlyDictionary<string, string> labels, ReviewsHost host) =>
        labels.All(l => l.Key switch
        {
            "app" => l.Value == host.Pod.App,
            "version" => l.Value == host.Version,
            _ => false,
        });
}

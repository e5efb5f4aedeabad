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
                policy.ServerFaultFor(world.Namespace, p.App, p.Version), world.Pages.For(p.Name, p.Version, detailsUp, ratingsUp)))
            .ToArray();

        // The ingress gateway balances across every region's productpage by productpage's own policy;
        // each productpage's sidecar picks reviews from its own locality (docs/lab.md, Fidelity).
        var productpages = routable.Where(p => p.App == "productpage")
            .OrderBy(p => p.Context.Index).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new ReviewsHost(p, world.RegionIndex[p.Context.Region!], false, null, []))
            .ToArray();
        var topology = world.Topology;
        // every ingress gateway balances productpage from its own locality (docs/lab.md, Fidelity)
        var productpageLocality = EffectiveLocality.Resolve(world.MeshLocality, world.ProductpageTraffic.LocalityLb, topology.ServiceFor("productpage").PreferClose);
        var ingresses = world.Contexts.Select(c => world.IngressContexts.Contains(c)
            ? UpstreamCluster.Build(UpstreamCluster.ClusterName("productpage", null, world.Namespace), productpages, productpageLocality, world.ProductpageTraffic, c.Region, c.Zone)
            : UpstreamCluster.Empty).ToArray();
        var reviewsLocality = EffectiveLocality.Resolve(world.MeshLocality, world.ReviewsTraffic.LocalityLb, topology.ServiceFor("reviews").PreferClose);
        SourceClusters From(ContextState source)
        {
            UpstreamCluster Cluster(string? subset, IReadOnlyList<ReviewsHost> members) => UpstreamCluster.Build(
                UpstreamCluster.ClusterName(subset, world.Namespace), members, reviewsLocality, world.ReviewsTraffic, source.Region, source.Zone);
            return new SourceClusters(Cluster(null, hosts),
                policy.Subsets.ToDictionary(s => s.Key, s => Cluster(s.Key, hosts.Where(h => SubsetSelects(s.Value, h)).ToArray()), StringComparer.Ordinal));
        }

        var latency = topology.Timing.ConnectionSetupLatency;
        return new RoutingSnapshot
        {
            NextDue = nextDue,
            IngressSource = world.IngressContext.Index,
            ReviewsBySource = [.. world.Contexts.Select(c => c.Region is null ? SourceClusters.None : From(c))],
            Productpages = productpages,
            IngressBySource = ingresses,
            Route = policy.Route,
            Outlier = policy.Outlier,
            ProductpageUp = productpages.Any(p => p.Serving),
            ConnectionCost = (world.ProductpageTraffic.ConnectionPerRequest ? latency : TimeSpan.Zero)
                + (world.ReviewsTraffic.ConnectionPerRequest ? latency : TimeSpan.Zero),
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

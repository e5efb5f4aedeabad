using DrillBot.Lab.State;

namespace DrillBot.Lab.Mesh;

/// <summary>
/// One Envoy cluster of the reviews host as productpage's sidecar sees it: the whole host
/// (<c>outbound|9080||reviews…</c>) or one DestinationRule subset (<c>outbound|9080|v1|reviews…</c>), each with its
/// own hosts and load-balancing plan. Outlier-detection percentages count this cluster's hosts.
/// </summary>
internal sealed class UpstreamCluster
{
    private UpstreamCluster(string name, IReadOnlyList<ReviewsHost> hosts, LbMode mode, HostGroup[] groups, double[] cumulative, bool randomLb)
    {
        Name = name;
        Hosts = hosts;
        Mode = mode;
        Groups = groups;
        Cumulative = cumulative;
        RandomLb = randomLb;
    }

    /// <summary>Envoy's cluster name, e.g. <c>outbound|9080|v1|reviews.default.svc.cluster.local</c>.</summary>
    public string Name { get; }

    /// <summary>Every host of the cluster in the routing set (ejected or not), all localities.</summary>
    public IReadOnlyList<ReviewsHost> Hosts { get; }

    public LbMode Mode { get; }

    public HostGroup[] Groups { get; }

    public double[] Cumulative { get; }

    public bool RandomLb { get; }

    public static UpstreamCluster Build(string name, IReadOnlyList<ReviewsHost> hosts, ReviewsPolicy policy, bool localityDefault, string? srcRegion, string? srcZone)
    {
        var (mode, groups, cumulative) = LoadBalancerPlan.Build(hosts, policy, localityDefault, srcRegion, srcZone);
        return new UpstreamCluster(name, hosts, mode, groups, cumulative, policy.RandomLb);
    }

    public static string ClusterName(string? subset, string ns) => $"outbound|9080|{subset}|reviews.{ns}.svc.cluster.local";

    /// <summary>Picks a host for one attempt, or null when no healthy host exists (Envoy's 503 UH).</summary>
    public ReviewsHost? PickOnce(SeededRandom random)
    {
        var groups = Groups;
        if (groups.Length == 0)
        {
            return null;
        }

        var group = groups[0];
        if (groups.Length > 1)
        {
            var u = random.NextDouble();
            var i = 0;
            while (i < groups.Length - 1 && u >= Cumulative[i])
            {
                i++;
            }

            group = groups[i];
        }

        var healthy = group.Healthy;
        return RandomLb ? healthy[(int)(random.NextDouble() * healthy.Length)] : group.NextRoundRobin();
    }

    /// <summary>
    /// Picks a host other than the previous attempts' (Envoy's previous_hosts retry predicate, which Istio sets
    /// on every route: up to five tries, then whatever the balancer gave).
    /// </summary>
    public ReviewsHost? Pick(SeededRandom random, ReviewsHost? previous1, ReviewsHost? previous2)
    {
        ReviewsHost? host = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            host = PickOnce(random);
            if (host is null || (!SamePod(host, previous1) && !SamePod(host, previous2)))
            {
                return host;
            }
        }

        return host;
    }

    private static bool SamePod(ReviewsHost host, ReviewsHost? other) => other is not null && other.Pod == host.Pod;
}

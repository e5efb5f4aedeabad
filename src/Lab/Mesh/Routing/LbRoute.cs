using DrillBot.Lab.State;

namespace DrillBot.Lab.Mesh;

/// <summary>One client's load-balancing view of one host set (the ingress → productpage, or one productpage → reviews).</summary>
internal sealed class LbRoute
{
    private LbRoute(LbMode mode, HostGroup[] groups, double[] cumulative, bool randomLb)
    {
        Mode = mode;
        Groups = groups;
        Cumulative = cumulative;
        RandomLb = randomLb;
    }

    public static LbRoute Empty { get; } = new(LbMode.RoundRobin, [], [], false);

    public LbMode Mode { get; }

    /// <summary>Groups that can receive traffic, with the cumulative probability of each (last = 1).</summary>
    public HostGroup[] Groups { get; }

    public double[] Cumulative { get; }

    public bool RandomLb { get; }

    public static LbRoute Build(IReadOnlyList<ReviewsHost> hosts, (LocalityLbSpec? Setting, bool ForceFailover) locality,
        HostTrafficPolicy policy, string? srcRegion, string? srcZone)
    {
        var (mode, groups, cumulative) = LoadBalancerPlan.Build(hosts, locality.Setting,
            locality.ForceFailover || policy.Outlier is not null, srcRegion, srcZone);
        return new LbRoute(mode, groups, cumulative, policy.RandomLb);
    }

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
    /// Picks a host other than the previous attempts' (Envoy's previous_hosts retry predicate: up to five
    /// tries, then whatever the balancer gave).
    /// </summary>
    public ReviewsHost? Pick(SeededRandom random, ReviewsHost? previous1, ReviewsHost? previous2)
    {
        ReviewsHost? host = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            host = PickOnce(random);
            if (host is null || (host != previous1 && host != previous2 && !SamePod(host, previous1) && !SamePod(host, previous2)))
            {
                return host;
            }
        }

        return host;
    }

    private static bool SamePod(ReviewsHost host, ReviewsHost? other) => other is not null && other.Pod == host.Pod;
}

using DrillBot.Lab.State;

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
    public required IReadOnlyList<ReviewsHost> Hosts { get; init; }

    public required LbMode Mode { get; init; }

    public required bool RandomLb { get; init; }

    /// <summary>Groups that can receive traffic, with the cumulative probability of each (last = 1).</summary>
    public required HostGroup[] Groups { get; init; }

    public required double[] Cumulative { get; init; }

    public required OutlierSettings? Outlier { get; init; }

    /// <summary>A productpage endpoint in the ingress region is routable and serving.</summary>
    public required bool ProductpageUp { get; init; }

    /// <summary>The page when no reviews endpoint answers.</summary>
    public required byte[] SorryPage { get; init; }

    public required RoutingEpoch Epoch { get; init; }

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

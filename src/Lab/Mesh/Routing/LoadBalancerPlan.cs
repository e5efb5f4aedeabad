namespace DrillBot.Lab.Mesh;

/// <summary>
/// Turns hosts + policy into Envoy's load-balancing structure: one round-robin group, failover priorities
/// with the 1.4 overprovisioning spill, or distribute locality weights.
/// </summary>
internal static class LoadBalancerPlan
{
    private const double Overprovisioning = 1.4;

    /// <summary>
    /// The plan for one source locality. <paramref name="setting"/> is the effective localityLbSetting
    /// (<see cref="EffectiveLocality"/>); <paramref name="enableFailover"/> is Istio's condition for
    /// failover priorities: outlierDetection on the host's DestinationRule, or PreferClose.
    /// </summary>
    public static (LbMode Mode, HostGroup[] Groups, double[] Cumulative) Build(
        IReadOnlyList<ReviewsHost> hosts, LocalityLbSpec? setting, bool enableFailover, string? srcRegion, string? srcZone)
    {
        // Istio applies either distribute or failover (ApplyLocalityLoadBalancer): a distribute list whose
        // `from` does not match the source changes nothing for it (plain round robin) and still turns failover off.
        if (setting is not null && setting.Distribute.Count > 0)
        {
            if (setting.Distribute.FirstOrDefault(r => LocalityMatcher.Matches(r.From, srcRegion, srcZone)) is { } rule)
            {
                return Distribute(hosts, rule);
            }
        }
        else if (setting is not null && enableFailover)
        {
            return Failover(hosts, setting, srcRegion, srcZone);
        }

        var healthy = hosts.Where(h => !h.Ejected).ToArray();
        return healthy.Length == 0
            ? (LbMode.RoundRobin, [], [])
            : (LbMode.RoundRobin, [new HostGroup("all", healthy)], [1.0]);
    }

    private static (LbMode, HostGroup[], double[]) Failover(IReadOnlyList<ReviewsHost> hosts, LocalityLbSpec? lb, string? srcRegion, string? srcZone)
    {
        var target = lb?.Failover.FirstOrDefault(f => f.From == srcRegion).To;
        int Priority(ReviewsHost h) =>
            h.Region == srcRegion ? (string.Equals(h.Zone ?? "", srcZone ?? "", StringComparison.Ordinal) ? 0 : 2)
            : h.Region == target ? 3 : 4;

        var levels = hosts.GroupBy(Priority).OrderBy(g => g.Key).Select(g => g.ToArray()).ToArray();
        var health = levels.Select(l => Math.Min(100, (int)(Overprovisioning * 100 * l.Count(h => !h.Ejected) / l.Length))).ToArray();
        var totalHealth = Math.Min(100, health.Sum());
        if (totalHealth == 0)
        {
            return (LbMode.Failover, [], []);
        }

        var remaining = 100;
        var groups = new List<HostGroup>();
        var cumulative = new List<double>();
        var sum = 0;
        for (var i = 0; i < levels.Length && remaining > 0; i++)
        {
            var load = Math.Min(remaining, health[i] * 100 / totalHealth);
            if (i == levels.Length - 1 || health.Skip(i + 1).All(x => x == 0))
            {
                load = remaining;
            }

            remaining -= load;
            if (load > 0 && levels[i].Any(h => !h.Ejected))
            {
                sum += load;
                groups.Add(new HostGroup($"priority-{i}", levels[i].Where(h => !h.Ejected).ToArray()));
                cumulative.Add(sum / 100.0);
            }
        }

        Normalize(cumulative);
        return (LbMode.Failover, groups.ToArray(), cumulative.ToArray());
    }

    private static (LbMode, HostGroup[], double[]) Distribute(IReadOnlyList<ReviewsHost> hosts, DistributeRule rule)
    {
        var localities = hosts.GroupBy(h => (h.Region, h.Zone)).Select(g => g.ToArray()).ToList();
        var weights = new Dictionary<ReviewsHost[], double>();
        var unmatched = new List<ReviewsHost[]>(localities);
        foreach (var (pattern, weight) in rule.To)
        {
            var matching = unmatched.Where(l => LocalityMatcher.Matches(pattern, l[0].Region, l[0].Zone)).ToList();
            var total = matching.Sum(l => l.Length);
            foreach (var locality in matching)
            {
                weights[locality] = Math.Ceiling((double)locality.Length * weight / total);
                unmatched.Remove(locality);
            }
        }

        var groups = new List<HostGroup>();
        var effective = new List<double>();
        foreach (var (locality, weight) in weights)
        {
            var healthy = locality.Where(h => !h.Ejected).ToArray();
            var availability = Math.Min(1.0, Overprovisioning * healthy.Length / locality.Length);
            if (healthy.Length > 0 && weight * availability > 0)
            {
                groups.Add(new HostGroup($"{locality[0].Region}/{locality[0].Zone}", healthy));
                effective.Add(weight * availability);
            }
        }

        var sum = effective.Sum();
        var cumulative = new List<double>();
        var running = 0.0;
        foreach (var w in effective)
        {
            running += w / sum;
            cumulative.Add(running);
        }

        Normalize(cumulative);
        return (LbMode.Distribute, groups.ToArray(), cumulative.ToArray());
    }

    private static void Normalize(List<double> cumulative)
    {
        if (cumulative.Count > 0)
        {
            var last = cumulative[^1];
            for (var i = 0; i < cumulative.Count; i++)
            {
                cumulative[i] /= last;
            }

            cumulative[^1] = 1.0;
        }
    }
}

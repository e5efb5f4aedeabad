using System.Text.Json.Nodes;
using DrillBot.Drills.Cluster;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;

namespace DrillBot.Drills.Preflight;

/// <summary>
/// The checks that need the live endpoints of the host, read from every regional cluster (clusters with a
/// <c>region</c>; every cluster when none declares one): ready endpoints in each failover target region, and
/// Envoy's (≥ 1.28) max-ejection rule — a host is ejected only while (ejected + 1) / hosts ≤ maxEjectionPercent.
/// </summary>
internal static class EndpointChecks
{
    public static async Task<PreflightFinding?> CheckAsync(DrillsConfig config, DrillDefinition drill, FailoverTarget target, JsonObject live, JsonObject? locality, int maxEjection, Func<string, ClusterResult<IClusterClient>> clients, CancellationToken cancellationToken)
    {
        var host = target.Host(live);
        var regional = config.Clusters.Values.Where(c => c.Region is not null).ToList();
        var sources = regional.Count > 0 ? regional : [.. config.Clusters.Values];
        var endpoints = new List<LiveEndpoints>();
        foreach (var cluster in sources)
        {
            var client = clients(cluster.Name);
            var read = client.Ok ? await client.Value!.GetAsync(new ObjectRef(cluster.Name, ObjectKind.Endpoints, target.Namespace, host), cancellationToken) : client.As<JsonObject?>();
            if (!read.Ok && read.Error!.Kind != ClusterErrorKind.NotFound)
            {
                return PreflightFinding.Error(read.Error.Message);
            }

            endpoints.Add(LiveEndpoints.Of(cluster.Name, cluster.Region, read.Value));
        }

        var targets = (locality?["failover"] as JsonArray ?? []).Select(f => f?["to"]?.ToString()).OfType<string>().Distinct(StringComparer.Ordinal);
        foreach (var to in regional.Count == 0 ? [] : targets)
        {
            var there = endpoints.Where(e => e.Region == to).ToList();
            if (there.Count == 0)
            {
                return PreflightFinding.Refuse($"failover target region {to} ({target.Describe}) is the region of no cluster in drills.yaml; add `region: {to}` to the clusters entry that runs it");
            }

            if (there.Sum(e => e.Ready.Count) == 0)
            {
                return PreflightFinding.Refuse($"failover target region {to} has no ready endpoints of {host} (Endpoints {target.Namespace}/{host} in cluster {string.Join(", ", there.Select(e => e.Cluster))}); failing over there would serve nothing: bring {host} up in {to} first");
            }
        }

        var hosts = endpoints.Sum(e => e.Ready.Count);
        foreach (var step in drill.Steps.OfType<FailWorkloadStep>().Where(w => w.Workload.GetValueOrDefault("app") == host && w.Namespace == target.Namespace))
        {
            var failing = 0;
            foreach (var e in endpoints)
            {
                failing += await CountSelectedAsync(clients(e.Cluster), e, step, cancellationToken);
            }

            if (failing == 0)
            {
                return PreflightFinding.Refuse($"failWorkload selects no ready endpoint of {host} ({string.Join(",", step.Workload.Select(kv => $"{kv.Key}={kv.Value}"))}): nothing would fail; check its workload labels");
            }

            if (failing * 100 > maxEjection * hosts)
            {
                var needed = (int)Math.Ceiling(failing * 100.0 / hosts);
                return PreflightFinding.Refuse($"maxEjectionPercent {maxEjection} % cannot eject the {failing} failing of {hosts} {host} endpoints: Envoy >= 1.28 ejects a host only while (ejected + 1) / hosts <= maxEjectionPercent, so it needs at least {needed} %; set outlierDetection.maxEjectionPercent: 100 ({target.Describe})");
            }
        }

        return null;
    }

    private static async Task<int> CountSelectedAsync(ClusterResult<IClusterClient> client, LiveEndpoints endpoints, FailWorkloadStep step, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var (_, pod) in endpoints.Ready)
        {
            var read = client.Ok && pod is not null ? await client.Value!.GetAsync(new ObjectRef(endpoints.Cluster, ObjectKind.Pod, step.Namespace, pod), cancellationToken) : null;
            var labels = read?.Value?["metadata"]?["labels"] as JsonObject;
            count += labels is not null && step.Workload.All(kv => labels[kv.Key]?.ToString() == kv.Value) ? 1 : 0;
        }

        return count;
    }
}

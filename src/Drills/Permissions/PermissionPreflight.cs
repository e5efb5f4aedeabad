using DrillBot.Drills.Cluster;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Owners;

namespace DrillBot.Drills.Permissions;

/// <summary>
/// Before anything changes: a SelfSubjectAccessReview for every verb the run needs
/// (https://kubernetes.io/docs/reference/access-authn-authz/authorization/#checking-api-access), then, when all are allowed,
/// every write sent once with <c>dryRun=All</c> (admission and validation run, nothing is stored). Reads only.
/// </summary>
internal static class PermissionPreflight
{
    public static async Task<PermissionReport> CheckAsync(DrillsConfig config, DrillDefinition drill, OwnerScan scan, IReadOnlyList<OwnerFinding> toPause, string runId, string leaseName,
        Func<string, ClusterResult<IClusterClient>> clients, CancellationToken cancellationToken)
    {
        string ContextOf(string cluster) =>
            config.Clusters.TryGetValue(cluster, out var def) ? def.Context ?? (def.InCluster ? "in-cluster" : "?") : "?";

        var plan = PermissionPlan.Build(config, drill, scan, toPause, runId, leaseName);
        var results = scan.Reads.Select(r => new AccessResult(new RequiredAccess(r.Cluster, r.Check, r.Why), ContextOf(r.Cluster), r.Allowed, r.Error)).ToList();
        var errors = scan.Errors.Select(e => e.Message).ToList();
        var seen = results.Select(r => (r.Access.Cluster, r.Access.Check)).ToHashSet();
        foreach (var access in plan.Access.Where(a => !seen.Contains((a.Cluster, a.Check))))
        {
            var client = clients(access.Cluster);
            var review = client.Ok ? await client.Value!.ReviewAccessAsync(access.Check, cancellationToken) : client.As<AccessDecision>();
            if (!review.Ok)
            {
                errors.Add($"cannot check permissions in cluster {access.Cluster} (context {ContextOf(access.Cluster)}): {review.Error!.Message}");
                break;
            }

            results.Add(new AccessResult(access, ContextOf(access.Cluster), review.Value!.Allowed, review.Value.Reason));
        }

        var dryRuns = new List<DryRunResult>();
        if (errors.Count == 0 && results.All(r => r.Allowed))
        {
            foreach (var (cluster, write, why) in plan.Writes)
            {
                var client = clients(cluster);
                var answer = client.Ok ? await client.Value!.DryRunAsync(write, cancellationToken) : client.As<System.Text.Json.Nodes.JsonObject?>();
                dryRuns.Add(new DryRunResult(cluster, ContextOf(cluster), write, why, answer.Error));
            }
        }

        return new PermissionReport(results, dryRuns, errors.Distinct(StringComparer.Ordinal).ToList());
    }
}

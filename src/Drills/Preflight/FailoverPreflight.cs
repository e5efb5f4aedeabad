using System.Text.Json.Nodes;
using DrillBot.Drills.Cluster;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;

namespace DrillBot.Drills.Preflight;

/// <summary>
/// Checks, with reads only, that the failover a drill expects can happen on the live mesh: outlierDetection in force,
/// a maxEjectionPercent that lets Envoy (≥ 1.28) eject every host a failWorkload fails, no distribute + failover in one
/// setting, no DestinationRule setting silently replacing a different mesh-wide one, and ready endpoints in every
/// failover target region (docs/drills-yaml.md#failover-preflight).
/// </summary>
internal static class FailoverPreflight
{
    /// <summary>The first problem (a refusal, or an error when the mesh could not be read), or null when failover can work.</summary>
    public static async Task<PreflightFinding?> CheckAsync(DrillsConfig config, DrillDefinition drill, Func<string, ClusterResult<IClusterClient>> clients, CancellationToken cancellationToken)
    {
        foreach (var target in FailoverTarget.Of(drill))
        {
            if (await CheckAsync(config, drill, target, clients, cancellationToken) is { } finding)
            {
                return finding;
            }
        }

        return null;
    }

    private static async Task<PreflightFinding?> CheckAsync(DrillsConfig config, DrillDefinition drill, FailoverTarget target, Func<string, ClusterResult<IClusterClient>> clients, CancellationToken cancellationToken)
    {
        var mesh = clients(target.Cluster);
        if (!mesh.Ok)
        {
            return PreflightFinding.Error(mesh.Error!.Message);
        }

        var read = await mesh.Value!.GetAsync(new ObjectRef(target.Cluster, ObjectKind.DestinationRule, target.Namespace, target.DestinationRule), cancellationToken);
        if (!read.Ok)
        {
            return PreflightFinding.Error(read.Error!.Message);
        }

        if (read.Value is not { } live)
        {
            return null; // the step itself reports a missing rule, before anything changes
        }

        var locality = target.Locality(live);
        var meshConfig = await mesh.Value.GetAsync(new ObjectRef(target.Cluster, ObjectKind.ConfigMap, MeshConfig.Namespace, MeshConfig.Name), cancellationToken);
        if (!meshConfig.Ok && meshConfig.Error!.Kind != ClusterErrorKind.Forbidden)
        {
            return PreflightFinding.Error(meshConfig.Error.Message);
        }

        var meshLocality = MeshConfig.LocalityLbSetting(meshConfig.Value); // 404 (or 403: not allowed to look) = no mesh-wide setting known
        var both = BothKinds(target.Step is null ? locality : null) ?? BothKinds(meshLocality, $"meshConfig.localityLbSetting (ConfigMap {MeshConfig.Namespace}/{MeshConfig.Name})");
        if (both is not null)
        {
            return PreflightFinding.Refuse(both.Replace("{rule}", target.Describe, StringComparison.Ordinal));
        }

        var maxEjection = target.MaxEjectionPercent(live);
        if (maxEjection is null)
        {
            return PreflightFinding.Refuse($"{target.Describe} has no outlierDetection and no enableFailover step sets it: Istio applies locality failover priorities only with outlierDetection; add outlierDetection (e.g. {{ consecutive5xxErrors: 1, interval: 1s, baseEjectionTime: 1m, maxEjectionPercent: 100 }}) to the rule or an enableFailover step");
        }

        if (MeshConfig.HasRouting(meshLocality) && MeshConfig.HasRouting(locality) && MeshConfig.Routing(meshLocality) != MeshConfig.Routing(locality))
        {
            return PreflightFinding.Refuse($"{target.Describe}'s localityLbSetting {MeshConfig.Routing(locality)} silently replaces the different mesh-wide meshConfig.localityLbSetting {MeshConfig.Routing(meshLocality)} (ConfigMap {MeshConfig.Namespace}/{MeshConfig.Name}) for this host; make the two agree or remove one of them");
        }

        return await EndpointChecks.CheckAsync(config, drill, target, live, locality, maxEjection.Value, clients, cancellationToken);
    }

    private static string? BothKinds(JsonObject? setting, string where = "{rule}") =>
        setting?["failover"] is JsonArray { Count: > 0 } && setting["distribute"] is JsonArray { Count: > 0 }
            ? $"{where} sets both 'distribute' and 'failover' in one localityLbSetting, which Istio refuses; keep one of them"
            : null;
}

using System.Text.Json.Nodes;
using DrillBot.Drills.Definitions;

namespace DrillBot.Drills.Preflight;

/// <summary>
/// One DestinationRule whose failover a drill relies on, with the locality setting and outlier detection in force
/// once the drill's steps have run: the enableFailover step's, or the live rule's when no step changes it.
/// </summary>
internal sealed record FailoverTarget(string Cluster, string Namespace, string DestinationRule, EnableFailoverStep? Step)
{
    public string Describe => $"DestinationRule {Namespace}/{DestinationRule} in cluster {Cluster}";

    /// <summary>enableFailover rules; without one, a drill that expects recovery from a failWorkload relies on the rule named by the workload's app.</summary>
    public static IReadOnlyList<FailoverTarget> Of(DrillDefinition drill)
    {
        var steps = drill.Steps.OfType<EnableFailoverStep>().Select(s => new FailoverTarget(s.Cluster, s.Namespace, s.DestinationRule, s)).ToList();
        if (steps.Count > 0 || drill.Expect.Recovery is null || drill.Steps.OfType<DistributeTrafficStep>().Any())
        {
            return steps;
        }

        return drill.Steps.OfType<FailWorkloadStep>().Where(w => w.Workload.ContainsKey("app"))
            .Select(w => new FailoverTarget(w.Cluster, w.Namespace, w.Workload["app"], null)).Distinct().ToList();
    }

    public JsonObject? Locality(JsonObject? live) => Step is { } s
        ? new JsonObject { ["failover"] = new JsonArray([.. s.Failover.Select(f => (JsonNode)new JsonObject { ["from"] = f.From, ["to"] = f.To })]) }
        : live?["spec"]?["trafficPolicy"]?["loadBalancer"]?["localityLbSetting"] as JsonObject;

    /// <summary>maxEjectionPercent in force, or null when there is no outlierDetection at all (Istio's default is 10 %).</summary>
    public int? MaxEjectionPercent(JsonObject? live)
    {
        if (Step is { } s)
        {
            return s.OutlierDetection.MaxEjectionPercent;
        }

        return live?["spec"]?["trafficPolicy"]?["outlierDetection"] is JsonObject od
            ? (int?)(od["maxEjectionPercent"]?.GetValue<int>() ?? 10)
            : null;
    }

    /// <summary>The service whose endpoints the rule balances: the short name of spec.host.</summary>
    public string Host(JsonObject? live) => live?["spec"]?["host"]?.ToString()?.Split('.')[0] ?? DestinationRule;
}

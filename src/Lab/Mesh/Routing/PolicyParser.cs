using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DrillBot.Lab.Api;

namespace DrillBot.Lab.Mesh;

/// <summary>Reads the reviews DestinationRule and VirtualServices from the mesh context's store.</summary>
internal static class PolicyParser
{
    public static ReviewsPolicy Parse(ObjectStore store, string ns)
    {
        var rule = store.List(IstioKinds.DestinationRule, ns)
            .Where(o => IsReviewsHost(o["spec"]?["host"], ns))
            .OrderBy(o => o["metadata"]?["creationTimestamp"]?.ToString(), StringComparer.Ordinal)
            .FirstOrDefault();
        var subsets = Subsets(rule);
        var policy = rule?["spec"]?["trafficPolicy"] as JsonObject;
        var simple = policy?["loadBalancer"]?["simple"]?.ToString();
        return new ReviewsPolicy(
            Outlier(policy?["outlierDetection"] as JsonObject),
            Locality(policy?["loadBalancer"]?["localityLbSetting"] as JsonObject),
            simple is "RANDOM" or "LEAST_REQUEST" or "LEAST_CONN",
            Faults(store, ns, subsets))
        {
            ClusterKey = rule is null ? "" : ObjectMetadata.Uid(rule) + CanonicalJson.Serialize(rule["spec"]),
        };
    }

    public static bool IsReviewsHost(JsonNode? host, string ns) =>
        host?.GetValueKind() == JsonValueKind.String && host.GetValue<string>() is var h
        && (h == "reviews" || h == $"reviews.{ns}" || h == $"reviews.{ns}.svc" || h == $"reviews.{ns}.svc.cluster.local");

    private static Dictionary<string, IReadOnlyDictionary<string, string>> Subsets(JsonObject? rule)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var subset in (rule?["spec"]?["subsets"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (subset["name"]?.ToString() is { } name)
            {
                result[name] = (subset["labels"] as JsonObject ?? [])
                    .ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "", StringComparer.Ordinal);
            }
        }

        return result;
    }

    internal static OutlierSettings? Outlier(JsonObject? od)
    {
        if (od is null)
        {
            return null;
        }

        var d = OutlierSettings.Defaults;
        var consecutive = Int(od["consecutive5xxErrors"]) ?? (Int(od["consecutiveGatewayErrors"]) is int g and > 0 ? g : d.Consecutive5xxErrors);
        return new OutlierSettings(
            consecutive,
            Duration(od["interval"]) ?? d.Interval,
            Duration(od["baseEjectionTime"]) ?? d.BaseEjectionTime,
            Int(od["maxEjectionPercent"]) ?? d.MaxEjectionPercent);
    }

    internal static LocalityLbSpec? Locality(JsonObject? setting)
    {
        if (setting is null)
        {
            return null;
        }

        bool? enabled = setting["enabled"]?.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };
        var distribute = (setting["distribute"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(d => new DistributeRule(d["from"]?.ToString() ?? "*",
                (d["to"] as JsonObject ?? []).Select(t => (t.Key, Int(t.Value) ?? 0)).ToList()))
            .ToList();
        var failover = (setting["failover"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(f => (f["from"]?.ToString() ?? "", f["to"]?.ToString() ?? ""))
            .ToList();
        return new LocalityLbSpec(enabled, distribute, failover)
        {
            IgnoredFailoverPriority = setting["failoverPriority"] is JsonArray { Count: > 0 },
        };
    }

    private static List<EndpointFault> Faults(ObjectStore store, string ns, Dictionary<string, IReadOnlyDictionary<string, string>> subsets)
    {
        var faults = new List<EndpointFault>();
        var services = store.List(IstioKinds.VirtualService, ns)
            .Where(vs => (vs["spec"]?["hosts"] as JsonArray ?? []).Any(h => IsReviewsHost(h, ns)));
        foreach (var vs in services)
        {
            foreach (var http in (vs["spec"]?["http"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (http["fault"] is not JsonObject fault)
                {
                    continue;
                }

                var abort = fault["abort"] as JsonObject;
                var delay = fault["delay"] as JsonObject;
                var template = new EndpointFault(
                    Int(abort?["httpStatus"]),
                    Percent(abort),
                    Duration(delay?["fixedDelay"]),
                    Percent(delay));
                var destinations = (http["route"] as JsonArray ?? []).OfType<JsonObject>()
                    .Select(r => r["destination"] as JsonObject).OfType<JsonObject>().ToList();
                if (destinations.Count == 0 || destinations.Any(d => d["subset"] is null))
                {
                    faults.Add(template);
                    continue;
                }

                foreach (var destination in destinations)
                {
                    if (subsets.TryGetValue(destination["subset"]!.ToString(), out var labels))
                    {
                        faults.Add(template with { SubsetLabels = labels });
                    }
                }
            }
        }

        return faults;
    }

    private static double Percent(JsonObject? fault) =>
        fault is null ? 0
        : fault["percentage"]?["value"] is { } v ? Number(v) ?? 100
        : fault["percent"] is { } p ? Number(p) ?? 100
        : 100;

    private static int? Int(JsonNode? node) => Number(node) is double d ? (int)d : null;

    private static double? Number(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.Number => node.GetValue<double>(),
        JsonValueKind.String when double.TryParse(node.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static TimeSpan? Duration(JsonNode? node) =>
        node?.GetValueKind() == JsonValueKind.String && DurationParser.TryParse(node.GetValue<string>(), out var value) ? value : null;
}

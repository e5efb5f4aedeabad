using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DrillBot.Lab.Api;

namespace DrillBot.Lab.Mesh;

/// <summary>Reads the reviews DestinationRule and VirtualServices from the mesh context's store.</summary>
internal static class PolicyParser
{
    public static ReviewsPolicy Parse(ObjectStore store, string ns, int defaultRetryAttempts = 2)
    {
        var rule = store.List(IstioKinds.DestinationRule, ns)
            .Where(o => IsReviewsHost(o["spec"]?["host"], ns))
            .OrderBy(o => o["metadata"]?["creationTimestamp"]?.ToString(), StringComparer.Ordinal)
            .FirstOrDefault();
        var policy = rule?["spec"]?["trafficPolicy"] as JsonObject;
        var simple = policy?["loadBalancer"]?["simple"]?.ToString();
        var notModelled = new List<NotModelled>();
        return new ReviewsPolicy(
            Outlier(policy?["outlierDetection"] as JsonObject),
            Locality(policy?["loadBalancer"]?["localityLbSetting"] as JsonObject),
            simple is "RANDOM" or "LEAST_REQUEST" or "LEAST_CONN")
        {
            ClusterKey = rule is null ? "" : ObjectMetadata.Uid(rule) + CanonicalJson.Serialize(rule["spec"]),
            Subsets = Subsets(rule),
            Route = VirtualServiceParser.Parse(store, ns, defaultRetryAttempts, notModelled),
            ServerFaults = EnvoyFilterParser.Parse(store, ns, notModelled),
            NotModelled = notModelled,
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

    private static OutlierSettings? Outlier(JsonObject? od)
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

    private static LocalityLbSpec? Locality(JsonObject? setting)
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
        return new LocalityLbSpec(enabled, distribute, failover);
    }

    private static int? Int(JsonNode? node) => VirtualServiceParser.Int(node);

    private static TimeSpan? Duration(JsonNode? node) => VirtualServiceParser.Duration(node);
}

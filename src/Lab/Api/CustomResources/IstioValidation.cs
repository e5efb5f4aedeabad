using System.Text.Json;
using System.Text.Json.Nodes;
using DrillBot.Lab.Mesh;

namespace DrillBot.Lab.Api;

/// <summary>
/// The checks Istio's validating webhook makes on the objects drills touch; a denial is a 400 worded like
/// <c>admission webhook "validation.istio.io" denied the request: configuration is invalid: …</c>.
/// </summary>
internal static class IstioValidation
{
    public static ApiResult? Validate(ResourceType type, JsonObject obj)
    {
        if (type.Handler != ResourceHandlerKind.Istio)
        {
            return null;
        }

        if (obj["spec"] is { } spec && spec is not JsonObject)
        {
            return KubeStatus.Invalid(type, ObjectMetadata.Name(obj) ?? "", "spec", "Invalid value: must be an object");
        }

        var problems = type.Kind switch
        {
            IstioKinds.DestinationRule => DestinationRule(obj["spec"] as JsonObject ?? []),
            IstioKinds.VirtualService => VirtualService(obj["spec"] as JsonObject ?? []),
            _ => [],
        };
        return problems.Count == 0
            ? null
            : KubeStatus.BadRequest($"admission webhook \"validation.istio.io\" denied the request: configuration is invalid: {string.Join("; ", problems)}");
    }

    private static List<string> DestinationRule(JsonObject spec)
    {
        var problems = new List<string>();
        if (spec["host"]?.GetValueKind() != JsonValueKind.String || spec["host"]!.GetValue<string>().Length == 0)
        {
            problems.Add("host must be a non-empty string");
        }

        var policy = spec["trafficPolicy"] as JsonObject;
        if (policy?["outlierDetection"] is JsonObject od)
        {
            foreach (var field in new[] { "interval", "baseEjectionTime" })
            {
                if (od[field] is { } value && (value.GetValueKind() != JsonValueKind.String || !DurationParser.TryParse(value.GetValue<string>(), out _)))
                {
                    problems.Add($"outlier detection {field} is not a valid duration");
                }
            }

            if (Number(od["maxEjectionPercent"]) is < 0 or > 100)
            {
                problems.Add("outlier detection maxEjectionPercent must be in range [0, 100]");
            }

            if (Number(od["consecutive5xxErrors"]) is < 0)
            {
                problems.Add("outlier detection consecutive5xxErrors must be >= 0");
            }
        }

        if (policy?["loadBalancer"]?["localityLbSetting"] is JsonObject locality)
        {
            var distribute = locality["distribute"] as JsonArray;
            var failover = locality["failover"] as JsonArray;
            if (distribute is { Count: > 0 } && failover is { Count: > 0 })
            {
                problems.Add("can not simultaneously specify 'distribute' and 'failover'");
            }

            foreach (var rule in distribute?.OfType<JsonObject>() ?? [])
            {
                var total = (rule["to"] as JsonObject ?? []).Sum(t => Number(t.Value) ?? 0);
                if (Math.Abs(total - 100) > 0.001)
                {
                    problems.Add($"total destination weight {total} != 100");
                }
            }

            foreach (var rule in failover?.OfType<JsonObject>() ?? [])
            {
                if (rule["from"]?.ToString() == rule["to"]?.ToString())
                {
                    problems.Add("locality lb failover settings must specify different regions");
                }
            }
        }

        return problems;
    }

    private static List<string> VirtualService(JsonObject spec)
    {
        var problems = new List<string>();
        if (spec["hosts"] is not JsonArray { Count: > 0 })
        {
            problems.Add("virtual service must have at least one host");
        }

        foreach (var http in (spec["http"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (Number(http["fault"]?["abort"]?["httpStatus"]) is { } status && (status < 200 || status > 599))
            {
                problems.Add($"httpStatus {status} must be in range 200 - 599");
            }

            foreach (var kind in new[] { "abort", "delay" })
            {
                if (Number(http["fault"]?[kind]?["percentage"]?["value"]) is < 0 or > 100)
                {
                    problems.Add($"fault {kind} percentage must be in range [0, 100]");
                }
            }
        }

        return problems;
    }

    private static double? Number(JsonNode? node) => node?.GetValueKind() == JsonValueKind.Number ? node.GetValue<double>() : null;
}

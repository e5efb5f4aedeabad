using System.Text.Json.Nodes;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Definitions.Parsing;

namespace DrillBot.Drills.Steps;

/// <summary>The trafficPolicy fields of the DestinationRule steps (merge patch fragments; existing subsets are untouched).</summary>
internal static class TrafficPolicy
{
    public static JsonObject Failover(EnableFailoverStep f, JsonObject current)
    {
        var locality = new JsonObject { ["enabled"] = true };
        if (f.Failover.Count > 0)
        {
            locality["failover"] = new JsonArray(f.Failover.Select(r => (JsonNode)new JsonObject { ["from"] = r.From, ["to"] = r.To }).ToArray());
        }
        else if (Locality(current)?.ContainsKey("failover") == true)
        {
            locality["failover"] = null; // no explicit list: Istio's default priorities (docs/drills-yaml.md#enablefailover)
        }

        if (Locality(current)?.ContainsKey("distribute") == true)
        {
            locality["distribute"] = null; // they cannot coexist
        }

        var policy = new JsonObject
        {
            ["loadBalancer"] = new JsonObject { ["localityLbSetting"] = locality },
            ["outlierDetection"] = Outlier(f.OutlierDetection),
        };
        if (f.MaxRequestsPerConnection is { } max)
        {
            policy["connectionPool"] = new JsonObject { ["http"] = new JsonObject { ["maxRequestsPerConnection"] = max } };
        }

        return policy;
    }

    public static JsonObject Distribute(DistributeTrafficStep d, JsonObject current)
    {
        var rules = d.Distribute.Select(r => (JsonNode)new JsonObject
        {
            ["from"] = r.From,
            ["to"] = new JsonObject(r.To.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value)))),
        }).ToArray();
        var locality = new JsonObject { ["enabled"] = true, ["distribute"] = new JsonArray(rules) };
        if (Locality(current)?.ContainsKey("failover") == true)
        {
            locality["failover"] = null;
        }

        var policy = new JsonObject { ["loadBalancer"] = new JsonObject { ["localityLbSetting"] = locality } };
        if (d.OutlierDetection is { } od)
        {
            policy["outlierDetection"] = Outlier(od);
        }

        return policy;
    }

    private static JsonObject? Locality(JsonObject current) => current["spec"]?["trafficPolicy"]?["loadBalancer"]?["localityLbSetting"] as JsonObject;

    private static JsonObject Outlier(OutlierDetectionSettings od)
    {
        var o = new JsonObject();
        if (od.Consecutive5xxErrors is { } c5)
        {
            o["consecutive5xxErrors"] = c5;
        }

        if (od.ConsecutiveGatewayErrors is { } cg)
        {
            o["consecutiveGatewayErrors"] = cg;
        }

        if (od.Interval is { } i)
        {
            o["interval"] = DurationParser.Format(i);
        }

        if (od.BaseEjectionTime is { } b)
        {
            o["baseEjectionTime"] = DurationParser.Format(b);
        }

        o["maxEjectionPercent"] = od.MaxEjectionPercent;
        return o;
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using DrillBot.Lab.Api;

namespace DrillBot.Lab.Mesh;

/// <summary>The load-balancing parts of one host's DestinationRule (productpage at the ingress, reviews at productpage).</summary>
internal sealed record HostTrafficPolicy(OutlierSettings? Outlier, LocalityLbSpec? LocalityLb, bool RandomLb, bool ConnectionPerRequest)
{
    public static HostTrafficPolicy None { get; } = new(null, null, false, false);

    /// <summary>Reads the oldest DestinationRule in <paramref name="ns"/> whose host is <paramref name="app"/> (short name or FQDN).</summary>
    public static HostTrafficPolicy Read(ObjectStore store, string ns, string app)
    {
        var rule = store.List(IstioKinds.DestinationRule, ns)
            .Where(o => IsHost(o["spec"]?["host"], app, ns))
            .OrderBy(o => o["metadata"]?["creationTimestamp"]?.ToString(), StringComparer.Ordinal)
            .FirstOrDefault();
        if (rule?["spec"]?["trafficPolicy"] is not JsonObject policy)
        {
            return None;
        }

        var simple = policy["loadBalancer"]?["simple"]?.ToString();
        var perConnection = policy["connectionPool"]?["http"]?["maxRequestsPerConnection"];
        return new HostTrafficPolicy(
            PolicyParser.Outlier(policy["outlierDetection"] as JsonObject),
            PolicyParser.Locality(policy["loadBalancer"]?["localityLbSetting"] as JsonObject),
            simple is "RANDOM" or "LEAST_REQUEST" or "LEAST_CONN",
            perConnection?.GetValueKind() == JsonValueKind.Number && perConnection.GetValue<double>() == 1);
    }

    private static bool IsHost(JsonNode? host, string app, string ns) =>
        host?.GetValueKind() == JsonValueKind.String && host.GetValue<string>() is var h
        && (h == app || h == $"{app}.{ns}" || h == $"{app}.{ns}.svc" || h == $"{app}.{ns}.svc.cluster.local");
}

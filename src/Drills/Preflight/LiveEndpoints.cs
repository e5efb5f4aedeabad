using System.Text.Json.Nodes;

namespace DrillBot.Drills.Preflight;

/// <summary>The ready addresses of one Endpoints object (<c>subsets[].addresses[]</c>; not-ready addresses are not hosts).</summary>
internal sealed record LiveEndpoints(string Cluster, string? Region, IReadOnlyList<(string Ip, string? Pod)> Ready)
{
    public static LiveEndpoints Of(string cluster, string? region, JsonObject? endpoints) => new(cluster, region,
        (endpoints?["subsets"] as JsonArray ?? [])
            .SelectMany(s => s?["addresses"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(a => (a["ip"]?.ToString() ?? "?", a["targetRef"]?["name"]?.ToString()))
            .ToList());
}

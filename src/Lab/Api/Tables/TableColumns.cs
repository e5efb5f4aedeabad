using System.Globalization;
using System.Text.Json.Nodes;

namespace DrillBot.Lab.Api;

/// <summary>The columns <c>kubectl get</c> shows per resource (as the real server's table printers define them).</summary>
internal static class TableColumns
{
    public sealed record Column(string Name, string Type, int Priority, Func<JsonObject, JsonNode?> Cell, string Format = "");

    public static IReadOnlyList<Column> For(ResourceType type, Func<JsonObject, string> age)
    {
        var name = new Column("Name", "string", 0, o => ObjectMetadata.Name(o), "name");
        var ageColumn = new Column("Age", "string", 0, o => age(o));
        return type.Handler switch
        {
            ResourceHandlerKind.Deployments =>
            [
                name,
                new("Ready", "string", 0, o => $"{Int(o["status"]?["readyReplicas"])}/{Int(o["spec"]?["replicas"] ?? 1)}"),
                new("Up-to-date", "integer", 0, o => Int(o["status"]?["updatedReplicas"])),
                new("Available", "integer", 0, o => Int(o["status"]?["availableReplicas"])),
                ageColumn,
                new("Containers", "string", 1, o => Join(o["spec"]?["template"]?["spec"]?["containers"], "name")),
                new("Images", "string", 1, o => Join(o["spec"]?["template"]?["spec"]?["containers"], "image")),
                new("Selector", "string", 1, o => string.Join(",", (o["spec"]?["selector"]?["matchLabels"] as JsonObject ?? []).Select(l => $"{l.Key}={l.Value}"))),
            ],
            ResourceHandlerKind.Pods =>
            [
                name,
                new("Ready", "string", 0, o => o["status"]?["containerStatuses"]?[0]?["ready"]?.GetValue<bool>() == true ? "1/1" : "0/1"),
                new("Status", "string", 0, o => o["metadata"]?["deletionTimestamp"] is not null ? "Terminating" : o["status"]?["phase"]?.ToString()),
                new("Restarts", "integer", 0, _ => 0),
                ageColumn,
                new("IP", "string", 1, o => o["status"]?["podIP"]?.ToString()),
                new("Node", "string", 1, o => o["spec"]?["nodeName"]?.ToString()),
            ],
            ResourceHandlerKind.Endpoints =>
            [
                name,
                new("Endpoints", "string", 0, o => Endpoints(o)),
                ageColumn,
            ],
            ResourceHandlerKind.Services =>
            [
                name,
                new("Type", "string", 0, o => o["spec"]?["type"]?.ToString()),
                new("Cluster-IP", "string", 0, o => o["spec"]?["clusterIP"]?.ToString()),
                new("External-IP", "string", 0, _ => "<none>"),
                new("Port(s)", "string", 0, o => string.Join(",", (o["spec"]?["ports"] as JsonArray ?? []).Select(p => $"{p?["port"]}/{p?["protocol"]}"))),
                ageColumn,
            ],
            ResourceHandlerKind.Namespaces => [name, new("Status", "string", 0, o => o["status"]?["phase"]?.ToString()), ageColumn],
            ResourceHandlerKind.ConfigMaps => [name, new("Data", "integer", 0, o => (o["data"] as JsonObject)?.Count ?? 0), ageColumn],
            ResourceHandlerKind.Leases => [name, new("Holder", "string", 0, o => o["spec"]?["holderIdentity"]?.ToString() ?? ""), ageColumn],
            _ when type.Kind == IstioKinds.DestinationRule => [name, new("Host", "string", 0, o => o["spec"]?["host"]?.ToString()), ageColumn],
            _ when type.Kind == IstioKinds.VirtualService =>
            [
                name,
                new("Gateways", "string", 0, o => o["spec"]?["gateways"]?.ToJsonString(JsonDefaults.Options) ?? ""),
                new("Hosts", "string", 0, o => o["spec"]?["hosts"]?.ToJsonString(JsonDefaults.Options) ?? ""),
                ageColumn,
            ],
            _ => [name, ageColumn],
        };
    }

    private static int Int(JsonNode? node) => node is JsonValue v && v.TryGetValue<int>(out var i) ? i : 0;

    private static string Join(JsonNode? array, string field) =>
        string.Join(",", (array as JsonArray ?? []).Select(c => c?[field]?.ToString()));

    private static string Endpoints(JsonObject o)
    {
        var addresses = (o["subsets"] as JsonArray ?? []).SelectMany(s => s?["addresses"] as JsonArray ?? [])
            .Select(a => string.Create(CultureInfo.InvariantCulture, $"{a?["ip"]}:9080")).ToList();
        return addresses.Count == 0 ? "<none>" : string.Join(",", addresses);
    }
}

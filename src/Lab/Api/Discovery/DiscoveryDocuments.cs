using System.Text.Json.Nodes;
using DrillBot.Lab.State;

namespace DrillBot.Lab.Api;

/// <summary>
/// Discovery answers: <c>/version</c>, <c>/api</c>, <c>/apis</c>, <c>/apis/{group}</c> and the per-version
/// resource lists. Always plain JSON (no aggregated discovery): kubectl falls back to these.
/// </summary>
internal static class DiscoveryDocuments
{
    public static string Version() => new JsonObject
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.0-drillbot-lab",
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2025-01-01T00:00:00Z",
        ["goVersion"] = "go1.23.4",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    }.ToJsonString(JsonDefaults.Options);

    public static string CoreVersions(string serverAddress) => new JsonObject
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    }.ToJsonString(JsonDefaults.Options);

    public static string GroupList(ContextState context) => new JsonObject
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray([.. Groups(context).Select(g => (JsonNode)Group(g.Name, g.Versions))]),
    }.ToJsonString(JsonDefaults.Options);

    public static string? GroupDocument(ContextState context, string group)
    {
        var found = Groups(context).FirstOrDefault(g => g.Name == group);
        if (found.Name is null)
        {
            return null;
        }

        var doc = Group(found.Name, found.Versions);
        doc["kind"] = "APIGroup";
        doc["apiVersion"] = "v1";
        return doc.ToJsonString(JsonDefaults.Options);
    }

    /// <summary>The APIResourceList of one group/version, or null when this context does not serve it.</summary>
    public static string? ResourceList(ContextState context, string group, string version)
    {
        var types = ResourceCatalog.ServedBy(context).Where(t => t.Group == group && t.Serves(version)).ToList();
        if (types.Count == 0)
        {
            return null;
        }

        var resources = new JsonArray();
        foreach (var type in types.OrderBy(t => t.Plural, StringComparer.Ordinal))
        {
            resources.Add(Resource(type));
            if (type == ResourceCatalog.Deployments)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = "deployments/scale", ["singularName"] = "", ["namespaced"] = true,
                    ["group"] = "autoscaling", ["version"] = "v1", ["kind"] = "Scale",
                    ["verbs"] = new JsonArray("get", "patch", "update"),
                });
                resources.Add(new JsonObject
                {
                    ["name"] = "deployments/status", ["singularName"] = "", ["namespaced"] = true,
                    ["kind"] = "Deployment", ["verbs"] = new JsonArray("get"),
                });
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = resources,
        }.ToJsonString(JsonDefaults.Options);
    }

    private static JsonObject Resource(ResourceType type)
    {
        var resource = new JsonObject
        {
            ["name"] = type.Plural,
            ["singularName"] = type.Singular,
            ["namespaced"] = type.Namespaced,
            ["kind"] = type.Kind,
            ["verbs"] = new JsonArray([.. type.Verbs.Select(v => (JsonNode)v)]),
        };
        if (type.ShortNames.Count > 0)
        {
            resource["shortNames"] = new JsonArray([.. type.ShortNames.Select(v => (JsonNode)v)]);
        }

        if (type.Categories.Count > 0)
        {
            resource["categories"] = new JsonArray([.. type.Categories.Select(v => (JsonNode)v)]);
        }

        return resource;
    }

    private static IEnumerable<(string Name, IReadOnlyList<string> Versions)> Groups(ContextState context) =>
        ResourceCatalog.ServedBy(context).Where(t => t.Group.Length > 0)
            .GroupBy(t => t.Group)
            .Select(g => (g.Key, (IReadOnlyList<string>)g.OrderByDescending(t => t.Versions.Count).First().Versions));

    private static JsonObject Group(string name, IReadOnlyList<string> versions) => new()
    {
        ["name"] = name,
        ["versions"] = new JsonArray([.. versions.Select(v => (JsonNode)new JsonObject { ["groupVersion"] = $"{name}/{v}", ["version"] = v })]),
        ["preferredVersion"] = new JsonObject { ["groupVersion"] = $"{name}/{versions[0]}", ["version"] = versions[0] },
    };
}

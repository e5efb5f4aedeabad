using System.Text.Json.Nodes;
using DrillBot.Lab;

namespace DrillBot.TestSupport.Labs;

/// <summary>One object a bundled drill may change: its kube context, the drills.yaml cluster name, kind and name.</summary>
public sealed record DrilledObject(string Context, string Cluster, string Kind, string Name)
{
    /// <summary>The snapshot key, e.g. <c>Deployment reviews-v1</c>.</summary>
    public string Key => $"{Kind} {Name}";
}

/// <summary>
/// The objects the bundled drills change, as stored (minus resourceVersion, generation, managedFields and status):
/// equal snapshots before and after a run mean the run put everything back byte for byte.
/// </summary>
public static class LabObjects
{
    /// <summary>Every object a bundled drill (drills.yaml) may change, in the default namespace.</summary>
    public static readonly IReadOnlyList<DrilledObject> Drilled =
    [
        new("ack-hangzhou", "hangzhou", "Deployment", "reviews-v1"),
        new("ack-shanghai", "shanghai", "Deployment", "reviews-v2"),
        new("asm", "mesh", "DestinationRule", "reviews"),
        new("asm", "mesh", "DestinationRule", "productpage"),
        new("asm", "mesh", "VirtualService", "reviews"),
        new("asm", "mesh", "EnvoyFilter", "drillbot-fail-reviews-v1"),
    ];

    /// <summary>The object as the Lab stores it, comparable across writes; null when it does not exist.</summary>
    public static string? State(LabHost lab, string context, string kind, string name, string ns = "default")
    {
        var json = lab.GetObjectJson(context, kind, ns, name);
        return json is null ? null : Comparable(JsonNode.Parse(json))?.ToJsonString() ?? json;
    }

    /// <summary>Removes what the API server changes on its own (resourceVersion, generation, managedFields, status).</summary>
    public static JsonObject? Comparable(JsonNode? node)
    {
        if (node is not JsonObject obj)
        {
            return null;
        }

        if (obj["metadata"] is JsonObject meta)
        {
            meta.Remove("resourceVersion");
            meta.Remove("generation");
            meta.Remove("managedFields");
        }

        obj.Remove("status");
        return obj;
    }

    /// <summary>Every drilled object, keyed <c>Kind name</c>, sorted.</summary>
    public static IReadOnlyDictionary<string, string?> Snapshot(LabHost lab) =>
        new SortedDictionary<string, string?>(Drilled.ToDictionary(o => o.Key, o => State(lab, o.Context, o.Kind, o.Name)), StringComparer.Ordinal);
}

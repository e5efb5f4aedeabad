using System.Text.Json;
using System.Text.Json.Nodes;

namespace DrillBot.Drills.Json;

/// <summary>JSON helpers for merge patches and object comparison.</summary>
public static class JsonTools
{
    /// <summary>Fields never compared: they change on every write or are not the object's desired state.</summary>
    private static readonly JsonPath[] Volatile =
    [
        JsonPath.Of("metadata", "resourceVersion"), JsonPath.Of("metadata", "generation"), JsonPath.Of("metadata", "managedFields"), JsonPath.Of("status"),
    ];

    /// <summary>The leaf paths a merge patch sets (objects are descended into; arrays, scalars and nulls are leaves).</summary>
    public static IReadOnlyList<JsonPath> Leaves(JsonObject patch)
    {
        var result = new List<JsonPath>();
        Walk(patch, new JsonPath([]), result);
        return result;
    }

    private static void Walk(JsonObject node, JsonPath path, List<JsonPath> result)
    {
        foreach (var (key, value) in node)
        {
            var p = path.Append(key);
            if (value is JsonObject child && child.Count > 0)
            {
                Walk(child, p, result);
            }
            else
            {
                result.Add(p);
            }
        }
    }

    /// <summary>A JSON merge patch that turns <paramref name="from"/> into <paramref name="to"/>.</summary>
    public static JsonObject Diff(JsonObject from, JsonObject to)
    {
        var patch = new JsonObject();
        foreach (var (key, value) in from)
        {
            if (!to.ContainsKey(key))
            {
                patch[key] = null;
            }
        }

        foreach (var (key, value) in to)
        {
            from.TryGetPropertyValue(key, out var old);
            if (old is JsonObject oldObj && value is JsonObject newObj)
            {
                var sub = Diff(oldObj, newObj);
                if (sub.Count > 0)
                {
                    patch[key] = sub;
                }
            }
            else if (!from.ContainsKey(key) || !JsonNode.DeepEquals(old, value))
            {
                patch[key] = value?.DeepClone();
            }
        }

        return patch;
    }

    /// <summary>A copy without resourceVersion, generation, managedFields and status.</summary>
    public static JsonObject Comparable(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        foreach (var p in Volatile)
        {
            p.Remove(copy, _ => true);
        }

        return copy;
    }

    public static bool SameState(JsonObject a, JsonObject b) => JsonNode.DeepEquals(Comparable(a), Comparable(b));

    public static JsonObject Parse(string json) => JsonNode.Parse(json) as JsonObject ?? throw new JsonException("expected a JSON object");

    public static string Compact(JsonNode? node) => node?.ToJsonString() ?? "null";
}

using System.Text.Json.Nodes;

namespace DrillBot.Lab.Api;

/// <summary>Builds and reads <c>metadata</c> the way the API server fills it on create.</summary>
internal static class ObjectMetadata
{
    public static JsonObject New(string name, string ns, string uid, string resourceVersion, DateTimeOffset created, bool withGeneration = true)
    {
        var meta = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = ns,
            ["uid"] = uid,
            ["resourceVersion"] = resourceVersion,
            ["creationTimestamp"] = KubeTime.Format(created),
        };
        if (withGeneration)
        {
            meta["generation"] = 1;
        }

        return meta;
    }

    public static string? ResourceVersion(JsonObject obj) => obj["metadata"]?["resourceVersion"]?.ToString();

    public static string? Name(JsonObject obj) => obj["metadata"]?["name"]?.ToString();

    public static string? Uid(JsonObject obj) => obj["metadata"]?["uid"]?.ToString();

    public static long Generation(JsonObject obj) =>
        obj["metadata"]?["generation"] is JsonValue v && v.TryGetValue<long>(out var g) ? g : 1;

    public static IReadOnlyDictionary<string, string> Labels(JsonObject obj) =>
        (obj["metadata"]?["labels"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "", StringComparer.Ordinal);
}

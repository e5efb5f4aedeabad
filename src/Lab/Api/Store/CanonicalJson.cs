using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DrillBot.Lab.Api;

/// <summary>
/// Serializes objects the way the API server does for unstructured objects: keys sorted at every level,
/// so a restored object compares byte for byte with its original.
/// </summary>
internal static class CanonicalJson
{
    public static string Serialize(JsonNode? node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonDefaults.Writer))
        {
            Write(writer, node);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    /// <summary>Drops empty <c>metadata.labels</c>/<c>metadata.annotations</c> maps, as ObjectMeta's omitempty does.</summary>
    public static void DropEmptyMetadataMaps(JsonObject obj)
    {
        if (obj["metadata"] is not JsonObject meta)
        {
            return;
        }

        foreach (var key in new[] { "labels", "annotations", "finalizers", "ownerReferences" })
        {
            if (meta[key] is JsonObject { Count: 0 } or JsonArray { Count: 0 } || (meta.ContainsKey(key) && meta[key] is null))
            {
                meta.Remove(key);
            }
        }
    }

    /// <summary>Parses a request body as a JSON object, or returns null.</summary>
    public static JsonObject? ParseObject(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

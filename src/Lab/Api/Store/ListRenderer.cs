using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DrillBot.Lab.Api;

/// <summary>Renders a <c>{Kind}List</c> answer.</summary>
internal static class ListRenderer
{
    public static string Render(ResourceAddress address, string resourceVersion, IEnumerable<JsonObject> items)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonDefaults.Writer))
        {
            writer.WriteStartObject();
            writer.WriteString("apiVersion", address.ApiVersion);
            writer.WritePropertyName("items");
            writer.WriteStartArray();
            foreach (var item in items)
            {
                CanonicalJson.Write(writer, item);
            }

            writer.WriteEndArray();
            writer.WriteString("kind", address.Type.Kind + "List");
            writer.WritePropertyName("metadata");
            writer.WriteStartObject();
            writer.WriteString("resourceVersion", resourceVersion);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}

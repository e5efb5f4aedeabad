using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DrillBot.Lab;

/// <summary>Serializes the timeline as <c>GET /lab/events</c> returns it.</summary>
internal static class EventJson
{
    public static byte[] Serialize(IReadOnlyList<LabEvent> events)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            writer.WriteStartArray();
            foreach (var e in events)
            {
                writer.WriteStartObject();
                writer.WriteString("time", e.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
                writer.WriteString("kind", e.Kind);
                writer.WriteString("context", e.Context);
                writer.WriteString("object", e.Object);
                writer.WriteString("detail", e.Detail);
                writer.WriteString("region", e.Region);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        buffer.Write(Encoding.UTF8.GetBytes("\n"));
        return buffer.ToArray();
    }
}

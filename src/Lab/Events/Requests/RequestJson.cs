using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DrillBot.Lab;

/// <summary>Serializes request records as <c>GET /lab/requests</c> returns them.</summary>
internal static class RequestJson
{
    public static byte[] Serialize(IReadOnlyList<RequestRecord> records)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var r in records)
            {
                writer.WriteStartObject();
                writer.WriteNumber("id", r.Id);
                writer.WriteString("time", r.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
                writer.WriteNumber("status", r.Status);
                writer.WriteString("reviewsServedBy", r.ReviewsServedBy);
                writer.WriteString("ingress", r.Ingress);
                writer.WriteStartArray("hops");
                foreach (var h in r.Hops)
                {
                    writer.WriteStartObject();
                    writer.WriteString("source", h.Source);
                    writer.WriteString("destination", h.Destination);
                    writer.WriteString("cluster", h.Cluster);
                    writer.WriteNumber("call", h.Call);
                    writer.WriteNumber("attempt", h.Attempt);
                    writer.WriteNumber("status", h.Status);
                    writer.WriteString("flag", h.Flag);
                    writer.WriteString("injectedBy", h.InjectedBy);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        buffer.Write(Encoding.UTF8.GetBytes("\n"));
        return buffer.ToArray();
    }
}

using System.Text.Json;

namespace DrillBot.Slack.SocketMode;

/// <summary>
/// A Socket Mode envelope: <c>{envelope_id, type: slash_commands|interactive|events_api, payload,
/// accepts_response_payload, retry_attempt}</c>. The payload is JSON (not form data) and unsigned:
/// the WebSocket opened with the app token is the authentication.
/// </summary>
public sealed record Envelope(string EnvelopeId, string Type, JsonElement Payload, bool AcceptsResponsePayload, int RetryAttempt)
{
    /// <summary>Reads an envelope; null when <paramref name="root"/> has no <c>envelope_id</c>.</summary>
    public static Envelope? TryRead(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("envelope_id", out var id) || id.ValueKind != JsonValueKind.String
            || string.IsNullOrEmpty(id.GetString()))
        {
            return null;
        }

        var type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() ?? "" : "";
        var payload = root.TryGetProperty("payload", out var p) ? p.Clone() : default;
        var accepts = root.TryGetProperty("accepts_response_payload", out var a) && a.ValueKind == JsonValueKind.True;
        var retry = root.TryGetProperty("retry_attempt", out var r) && r.ValueKind == JsonValueKind.Number && r.TryGetInt32(out var n) ? n : 0;
        return new Envelope(id.GetString()!, type, payload, accepts, retry);
    }
}

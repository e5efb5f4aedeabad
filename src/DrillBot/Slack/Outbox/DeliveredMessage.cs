using System.Text.Json;
using System.Text.Json.Nodes;

namespace DrillBot.Slack.Outbox;

/// <summary>
/// What the dispatcher stores as a message's result (<c>MarkSentAsync resultJson</c>):
/// <c>{ok, ts, channel}</c> when Slack took it, <c>{ok: false, error, deadLetter: true}</c> when it was given up.
/// </summary>
internal sealed record DeliveredMessage(bool Ok, string? Ts, string? Channel, string? Error)
{
    public string ToJson()
    {
        var json = new JsonObject { ["ok"] = Ok };
        if (Ts is not null)
        {
            json["ts"] = Ts;
        }

        if (Channel is not null)
        {
            json["channel"] = Channel;
        }

        if (!Ok)
        {
            json["error"] = Error ?? "unknown";
            json["deadLetter"] = true;
        }

        return json.ToJsonString();
    }

    public static DeliveredMessage? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            var node = JsonNode.Parse(json) as JsonObject;
            return new DeliveredMessage(
                node?["ok"]?.GetValueKind() == JsonValueKind.True,
                Str(node, "ts"),
                Str(node, "channel"),
                Str(node, "error"));
        }
        catch (JsonException)
        {
            return new DeliveredMessage(false, null, null, "unreadable result");
        }
    }

    private static string? Str(JsonObject? node, string name) =>
        node?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}

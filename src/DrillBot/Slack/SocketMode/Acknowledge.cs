using System.Text.Json.Nodes;

namespace DrillBot.Slack.SocketMode;

/// <summary>The acknowledgement of an envelope: <c>{"envelope_id": …}</c>, optionally with a response <c>payload</c>.</summary>
public sealed record Acknowledge(string EnvelopeId, JsonObject? Payload = null)
{
    public string ToJson()
    {
        var json = new JsonObject { ["envelope_id"] = EnvelopeId };
        if (Payload is not null)
        {
            json["payload"] = Payload.DeepClone();
        }

        return json.ToJsonString();
    }
}

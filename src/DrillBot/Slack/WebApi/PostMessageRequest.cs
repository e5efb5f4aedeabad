using System.Text.Json.Nodes;

namespace DrillBot.Slack.WebApi;

/// <summary><c>chat.postMessage</c> arguments.</summary>
/// <param name="Channel">Channel ID or name.</param>
/// <param name="Text">Fallback text (always set: notifications use it).</param>
/// <param name="Blocks">Block Kit blocks, or null.</param>
/// <param name="ThreadTs">Parent message ts for a thread reply.</param>
public sealed record PostMessageRequest(string Channel, string Text, JsonArray? Blocks = null, string? ThreadTs = null)
{
    internal JsonObject ToJson()
    {
        var body = new JsonObject { ["channel"] = Channel, ["text"] = Text, ["unfurl_links"] = false, ["unfurl_media"] = false };
        if (Blocks is not null)
        {
            body["blocks"] = Blocks.DeepClone();
        }

        if (ThreadTs is not null)
        {
            body["thread_ts"] = ThreadTs;
        }

        return body;
    }
}

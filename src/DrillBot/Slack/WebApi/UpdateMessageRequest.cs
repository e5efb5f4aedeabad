using System.Text.Json.Nodes;

namespace DrillBot.Slack.WebApi;

/// <summary><c>chat.update</c> arguments: replaces the text and blocks of message <paramref name="Ts"/>.</summary>
public sealed record UpdateMessageRequest(string Channel, string Ts, string Text, JsonArray? Blocks = null)
{
    internal JsonObject ToJson()
    {
        var body = new JsonObject { ["channel"] = Channel, ["ts"] = Ts, ["text"] = Text };
        body["blocks"] = Blocks is null ? new JsonArray() : Blocks.DeepClone();
        return body;
    }
}

using System.Text.Json.Nodes;

namespace DrillBot.Slack.BlockKit;

/// <summary>
/// A message: fallback <see cref="Text"/> (plain text for notifications and screen readers; escaped
/// when serialized, so user data in it cannot form mentions) plus Block Kit blocks.
/// Immutable in use: <see cref="ToJson"/> deep-copies the blocks each time.
/// </summary>
public sealed record SlackMessage(string Text, JsonArray Blocks)
{
    /// <summary>Slack truncates longer fallback text.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>A message body (<c>text</c>, <c>blocks</c>) plus, for replies, <c>response_type</c> (<c>ephemeral</c> or <c>in_channel</c>).</summary>
    public JsonObject ToJson(string? responseType = null)
    {
        var body = new JsonObject
        {
            ["text"] = SlackText.Truncate(SlackText.Escape(Text), MaxTextLength),
            ["blocks"] = Blocks.DeepClone(),
        };
        if (responseType is not null)
        {
            body["response_type"] = responseType;
        }

        return body;
    }
}

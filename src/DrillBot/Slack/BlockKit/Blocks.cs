using System.Text.Json.Nodes;

namespace DrillBot.Slack.BlockKit;

/// <summary>Block Kit elements as JSON, each enforcing Slack's length limits by truncating safely.</summary>
internal static class Blocks
{
    public const int HeaderText = 150;
    public const int SectionText = 3000;
    public const int FieldText = 2000;
    public const int MaxFields = 10;
    public const int ContextElements = 10;
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int MaxBlocks = 50;

    public static JsonObject PlainText(string text, int max) =>
        new() { ["type"] = "plain_text", ["text"] = SlackText.Truncate(text, max), ["emoji"] = true };

    public static JsonObject Mrkdwn(string text, int max) =>
        new() { ["type"] = "mrkdwn", ["text"] = SlackText.Truncate(text, max) };

    public static JsonObject Header(string text) =>
        new() { ["type"] = "header", ["text"] = PlainText(text, HeaderText) };

    public static JsonObject Section(string mrkdwn) =>
        new() { ["type"] = "section", ["text"] = Mrkdwn(mrkdwn, SectionText) };

    public static JsonObject Fields(IEnumerable<string> fields)
    {
        var array = new JsonArray();
        foreach (var field in fields.Take(MaxFields))
        {
            array.Add(Mrkdwn(field, FieldText));
        }

        return new JsonObject { ["type"] = "section", ["fields"] = array };
    }

    public static JsonObject Context(params string[] mrkdwn)
    {
        var elements = new JsonArray();
        foreach (var text in mrkdwn.Take(ContextElements))
        {
            elements.Add(Mrkdwn(text, SectionText));
        }

        return new JsonObject { ["type"] = "context", ["elements"] = elements };
    }

    public static JsonObject Divider() => new() { ["type"] = "divider" };

    public static JsonObject Actions(params JsonObject[] elements) =>
        new() { ["type"] = "actions", ["elements"] = new JsonArray(elements) };

    public static JsonObject DangerButton(string text, string actionId, string value, JsonObject confirm) =>
        new()
        {
            ["type"] = "button",
            ["text"] = PlainText(text, ButtonText),
            ["action_id"] = actionId,
            ["value"] = SlackText.Truncate(value, ButtonValue),
            ["style"] = "danger",
            ["confirm"] = confirm,
        };

    /// <summary>A button; <paramref name="style"/> <c>primary</c>, <c>danger</c> or null (default), with an optional confirm dialog.</summary>
    public static JsonObject Button(string text, string actionId, string value, string? style = null, JsonObject? confirm = null)
    {
        var button = new JsonObject
        {
            ["type"] = "button",
            ["text"] = PlainText(text, ButtonText),
            ["action_id"] = actionId,
            ["value"] = SlackText.Truncate(value, ButtonValue),
        };
        if (style is not null)
        {
            button["style"] = style;
        }

        if (confirm is not null)
        {
            button["confirm"] = confirm;
        }

        return button;
    }

    public static JsonObject Confirm(string title, string text, string confirm, string deny, string style = "danger") =>
        new()
        {
            ["title"] = PlainText(title, 100),
            ["text"] = Mrkdwn(text, 300),
            ["confirm"] = PlainText(confirm, 30),
            ["deny"] = PlainText(deny, 30),
            ["style"] = style,
        };

    public static JsonArray List(IEnumerable<JsonObject?> blocks)
    {
        var array = new JsonArray();
        foreach (var block in blocks.Where(b => b is not null).Take(MaxBlocks))
        {
            array.Add(block);
        }

        return array;
    }
}

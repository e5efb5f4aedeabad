using System.Text.Json;
using DrillBot.Slack.Commands;

namespace DrillBot.Slack.Interactions;

/// <summary>
/// A button click (<c>type: block_actions</c>) from the <c>payload</c> form field of an interaction
/// request (or the JSON payload of a Socket Mode <c>interactive</c> envelope). Missing fields are empty.
/// </summary>
public sealed record BlockActionsPayload
{
    public string Type { get; init; } = "";

    public string UserId { get; init; } = "";

    public string UserName { get; init; } = "";

    public string TeamId { get; init; } = "";

    public string TriggerId { get; init; } = "";

    public string ResponseUrl { get; init; } = "";

    public string ChannelId { get; init; } = "";

    public string MessageTs { get; init; } = "";

    public IReadOnlyList<BlockAction> Actions { get; init; } = [];

    public bool IsBlockActions => Type == "block_actions";

    /// <summary>Reads the <c>payload</c> field of a form-encoded interaction body.</summary>
    public static bool TryParseForm(string? body, out BlockActionsPayload payload, out string problem)
    {
        var form = FormBody.Parse(body);
        if (!form.TryGetValue("payload", out var json) || string.IsNullOrWhiteSpace(json))
        {
            payload = new BlockActionsPayload();
            problem = "the body has no 'payload' field";
            return false;
        }

        return TryParseJson(json, out payload, out problem);
    }

    /// <summary>Parses payload JSON; false (with a reason) when it is not a JSON object.</summary>
    public static bool TryParseJson(string json, out BlockActionsPayload payload, out string problem)
    {
        payload = new BlockActionsPayload();
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
            return TryRead(document.RootElement, out payload, out problem);
        }
        catch (JsonException e)
        {
            problem = $"the payload is not valid JSON ({e.Message})";
            return false;
        }
    }

    /// <summary>Reads an already-parsed payload object.</summary>
    public static bool TryRead(JsonElement root, out BlockActionsPayload payload, out string problem)
    {
        payload = new BlockActionsPayload();
        if (root.ValueKind != JsonValueKind.Object)
        {
            problem = "the payload is not a JSON object";
            return false;
        }

        var user = Child(root, "user");
        var container = Child(root, "container");
        var channel = Child(root, "channel");
        var message = Child(root, "message");
        payload = new BlockActionsPayload
        {
            Type = Str(root, "type"),
            UserId = Str(user, "id"),
            UserName = FirstNonEmpty(Str(user, "username"), Str(user, "name")),
            TeamId = FirstNonEmpty(Str(Child(root, "team"), "id"), Str(user, "team_id")),
            TriggerId = Str(root, "trigger_id"),
            ResponseUrl = Str(root, "response_url"),
            ChannelId = FirstNonEmpty(Str(container, "channel_id"), Str(channel, "id")),
            MessageTs = FirstNonEmpty(Str(container, "message_ts"), Str(message, "ts")),
            Actions = ReadActions(root),
        };
        problem = "";
        return true;
    }

    private static List<BlockAction> ReadActions(JsonElement root)
    {
        var actions = new List<BlockAction>();
        if (root.TryGetProperty("actions", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var action in array.EnumerateArray().Take(25))
            {
                if (action.ValueKind == JsonValueKind.Object)
                {
                    actions.Add(new BlockAction(Str(action, "action_id"), Str(action, "value"), Str(action, "block_id")));
                }
            }
        }

        return actions;
    }

    private static JsonElement Child(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var child) ? child : default;

    private static string Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() ?? ""
            : "";

    private static string FirstNonEmpty(string a, string b) => a.Length > 0 ? a : b;
}

using System.Text.Json;

namespace DrillBot.Slack.Commands;

/// <summary>
/// A slash-command invocation as Slack sends it: form fields over HTTP, the same names as JSON in a
/// Socket Mode envelope. Missing fields are empty strings, never null.
/// </summary>
public sealed record SlashCommand
{
    public string Command { get; init; } = "";

    public string Text { get; init; } = "";

    public string UserId { get; init; } = "";

    public string UserName { get; init; } = "";

    public string ChannelId { get; init; } = "";

    public string TeamId { get; init; } = "";

    public string ResponseUrl { get; init; } = "";

    public string TriggerId { get; init; } = "";

    public string ApiAppId { get; init; } = "";

    /// <summary>Slack's occasional certificate check (<c>ssl_check=1</c>): answer 200 and do nothing.</summary>
    public bool IsSslCheck { get; init; }

    /// <summary>Reads the fields of a form-encoded body.</summary>
    public static SlashCommand FromForm(IReadOnlyDictionary<string, string> form)
    {
        string Get(string name) => form.TryGetValue(name, out var value) ? value : "";
        return new SlashCommand
        {
            Command = Get("command"),
            Text = Get("text"),
            UserId = Get("user_id"),
            UserName = Get("user_name"),
            ChannelId = Get("channel_id"),
            TeamId = Get("team_id"),
            ResponseUrl = Get("response_url"),
            TriggerId = Get("trigger_id"),
            ApiAppId = Get("api_app_id"),
            IsSslCheck = Get("ssl_check") == "1",
        };
    }

    /// <summary>Reads the JSON payload of a Socket Mode <c>slash_commands</c> envelope; non-string fields are ignored.</summary>
    public static SlashCommand FromJson(JsonElement payload)
    {
        string Get(string name) =>
            payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString() ?? ""
                : "";
        return new SlashCommand
        {
            Command = Get("command"),
            Text = Get("text"),
            UserId = Get("user_id"),
            UserName = Get("user_name"),
            ChannelId = Get("channel_id"),
            TeamId = Get("team_id"),
            ResponseUrl = Get("response_url"),
            TriggerId = Get("trigger_id"),
            ApiAppId = Get("api_app_id"),
            IsSslCheck = Get("ssl_check") == "1",
        };
    }
}

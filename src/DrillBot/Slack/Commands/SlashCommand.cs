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
    public static SlashCommand FromForm(IReadOnlyDictionary<string, string> form) =>
        From(name => form.TryGetValue(name, out var value) ? value : "");

    /// <summary>Reads the JSON payload of a Socket Mode <c>slash_commands</c> envelope; non-string fields are ignored.</summary>
    public static SlashCommand FromJson(JsonElement payload) =>
        From(name => payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() ?? ""
            : "");

    private static SlashCommand From(Func<string, string> get) => new()
    {
        Command = get("command"),
        Text = get("text"),
        UserId = get("user_id"),
        UserName = get("user_name"),
        ChannelId = get("channel_id"),
        TeamId = get("team_id"),
        ResponseUrl = get("response_url"),
        TriggerId = get("trigger_id"),
        ApiAppId = get("api_app_id"),
        IsSslCheck = get("ssl_check") == "1",
    };
}

using DrillBot.Slack.Access;

namespace DrillBot.Slack;

/// <summary>
/// Slack settings from the environment (docs/contracts.md#environment). Slack is enabled when a bot token is set.
/// Secrets live here and nowhere else: they never appear in <see cref="ToString"/>, logs or messages.
/// </summary>
public sealed record SlackOptions
{
    /// <summary>The default Web API base address.</summary>
    public static readonly Uri DefaultApiBase = new("https://slack.com/api/");

    public string? SigningSecret { get; init; }

    public string? BotToken { get; init; }

    /// <summary>App-level token (<c>xapp-…</c>); when set the bot also connects with Socket Mode.</summary>
    public string? AppToken { get; init; }

    /// <summary>Channel ID (or name) where runs are posted.</summary>
    public string? Channel { get; init; }

    public SlackAllowedUsers AllowedUsers { get; init; } = SlackAllowedUsers.Nobody;

    /// <summary>
    /// Who may <c>/drill freeze</c> (<c>SLACK_FREEZE_USERS</c>), besides everyone in <see cref="AllowedUsers"/>: broader on
    /// purpose (anyone who sees a drill hurt may stop it); unset = everyone, empty = only the allowed users.
    /// </summary>
    public SlackAllowedUsers FreezeUsers { get; init; } = SlackAllowedUsers.Everyone;

    /// <summary>Web API base address, always ending with a slash.</summary>
    public Uri ApiBase { get; init; } = DefaultApiBase;

    /// <summary>True when a bot token is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);

    /// <summary>True when an app-level token is configured (Socket Mode).</summary>
    public bool SocketModeEnabled => !string.IsNullOrWhiteSpace(AppToken);

    /// <summary>Reads <c>SLACK_*</c> variables through <paramref name="getVariable"/> (e.g. <see cref="Environment.GetEnvironmentVariable(string)"/>).</summary>
    public static SlackOptions FromEnvironment(Func<string, string?> getVariable)
    {
        var apiBase = Blank(getVariable("SLACK_API_BASE"));
        return new SlackOptions
        {
            SigningSecret = Blank(getVariable("SLACK_SIGNING_SECRET")),
            BotToken = Blank(getVariable("SLACK_BOT_TOKEN")),
            AppToken = Blank(getVariable("SLACK_APP_TOKEN")),
            Channel = Blank(getVariable("SLACK_CHANNEL")),
            AllowedUsers = SlackAllowedUsers.Parse(getVariable("SLACK_ALLOWED_USERS")),
            FreezeUsers = getVariable("SLACK_FREEZE_USERS") is { } freeze ? SlackAllowedUsers.Parse(freeze) : SlackAllowedUsers.Everyone,
            ApiBase = apiBase is null ? DefaultApiBase : NormalizeBase(apiBase) ?? DefaultApiBase,
        };
    }

    /// <summary>Every problem with the settings, each naming its variable; empty when valid or when Slack is off.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Enabled)
        {
            if (SocketModeEnabled)
            {
                problems.Add("SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is not: Socket Mode needs the bot token to post.");
            }

            return problems;
        }

        if (!BotToken!.StartsWith("xox", StringComparison.Ordinal))
        {
            problems.Add("SLACK_BOT_TOKEN does not look like a Slack token (expected xoxb-…).");
        }

        if (SocketModeEnabled && !AppToken!.StartsWith("xapp-", StringComparison.Ordinal))
        {
            problems.Add("SLACK_APP_TOKEN does not look like an app-level token (expected xapp-…).");
        }

        if (!SocketModeEnabled && string.IsNullOrWhiteSpace(SigningSecret))
        {
            problems.Add("SLACK_SIGNING_SECRET is required to verify /slack/commands and /slack/interactions (or set SLACK_APP_TOKEN for Socket Mode).");
        }

        if (string.IsNullOrWhiteSpace(Channel))
        {
            problems.Add("SLACK_CHANNEL is required: the channel (ID such as C0123456789) where runs are posted.");
        }

        if (!ApiBase.IsAbsoluteUri || (ApiBase.Scheme != Uri.UriSchemeHttps && ApiBase.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"SLACK_API_BASE must be an absolute http(s) URL, got '{ApiBase}'.");
        }

        return problems;
    }

    /// <summary>Parses a base address and makes sure it ends with a slash; null when it is not an absolute URL.</summary>
    public static Uri? NormalizeBase(string value)
    {
        var text = value.Trim();
        if (!text.EndsWith('/'))
        {
            text += "/";
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;
    }

    /// <summary>Describes the settings without any secret.</summary>
    public override string ToString() =>
        $"SlackOptions {{ Enabled = {Enabled}, SocketMode = {SocketModeEnabled}, Channel = {Channel}, AllowedUsers = {AllowedUsers}, FreezeUsers = {FreezeUsers}, ApiBase = {ApiBase}, SigningSecret = {(SigningSecret is null ? "unset" : "***")} }}";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

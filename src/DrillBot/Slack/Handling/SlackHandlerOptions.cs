using DrillBot.Slack.Access;

namespace DrillBot.Slack.Handling;

/// <summary>Settings of <see cref="SlackRequestHandler"/>.</summary>
public sealed record SlackHandlerOptions
{
    /// <summary>Verifies HTTP requests; when null every HTTP request is refused with 401 (Socket Mode needs none).</summary>
    public string? SigningSecret { get; init; }

    /// <summary>The run channel, mentioned in the "started" reply.</summary>
    public string? Channel { get; init; }

    public SlackAllowedUsers AllowedUsers { get; init; } = SlackAllowedUsers.Nobody;

    /// <summary>Who may freeze besides <see cref="AllowedUsers"/> (<c>SLACK_FREEZE_USERS</c>, default everyone).</summary>
    public SlackAllowedUsers FreezeUsers { get; init; } = SlackAllowedUsers.Everyone;

    /// <summary>How long an override's Confirm button stays valid.</summary>
    public TimeSpan ConfirmWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a command may take to answer inline. Slower answers are acknowledged with "Working on
    /// it…" and sent to the <c>response_url</c> through the outbox. Keep it far below Slack's 3 s.
    /// </summary>
    public TimeSpan InlineAnswerBudget { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Bodies larger than this are refused with 413.</summary>
    public int MaxBodyBytes { get; init; } = 64 * 1024;

    public TimeSpan SignatureWindow { get; init; } = TimeSpan.FromMinutes(5);

    public static SlackHandlerOptions From(SlackOptions options) => new()
    {
        SigningSecret = options.SigningSecret,
        Channel = options.Channel,
        AllowedUsers = options.AllowedUsers,
        FreezeUsers = options.FreezeUsers,
    };
}

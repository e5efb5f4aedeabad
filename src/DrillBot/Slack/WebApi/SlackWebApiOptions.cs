namespace DrillBot.Slack.WebApi;

/// <summary>Where and as whom the Web API client calls.</summary>
/// <param name="ApiBase">Base address ending with a slash (<c>SLACK_API_BASE</c>).</param>
/// <param name="BotToken">Bot token (<c>xoxb-…</c>), sent as <c>Authorization: Bearer</c>; never logged.</param>
public sealed record SlackWebApiOptions(Uri ApiBase, string BotToken)
{
    public SlackResilienceOptions Resilience { get; init; } = new();

    public override string ToString() => $"SlackWebApiOptions {{ ApiBase = {ApiBase}, BotToken = *** }}";
}

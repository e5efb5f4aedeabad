namespace DrillBot.Slack.BlockKit;

/// <summary>A drill as <c>/drill list</c> shows it.</summary>
public sealed record SlackDrillInfo(string Name, string? Description, string? Schedule, DateTimeOffset? NextFireAt, bool Running);

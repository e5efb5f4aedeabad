namespace DrillBot.Slack.BlockKit;

/// <summary>A run started inside a blackout on a person's override (report <c>trigger.overrideBlackout</c>).</summary>
public sealed record SlackOverrideView(string Blackout, string Reason, string By);

namespace DrillBot.Slack.Interactions;

/// <summary>One clicked element of a <see cref="BlockActionsPayload"/>.</summary>
public sealed record BlockAction(string ActionId, string Value, string BlockId);

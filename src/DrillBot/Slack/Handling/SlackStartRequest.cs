namespace DrillBot.Slack.Handling;

/// <summary>A request from Slack to run a drill; the host records <c>trigger: {kind: slack, by: UserName}</c>.</summary>
/// <param name="Drill">The drill name as typed.</param>
/// <param name="DryRun">Show the plan only.</param>
/// <param name="UserId">Slack user ID (already authorized).</param>
/// <param name="UserName">Slack user name, for the report.</param>
/// <param name="ChannelId">Where the command was typed.</param>
/// <param name="DeliveryKey">The idempotency key of this Slack delivery (trigger ID based); the same key never starts two runs.</param>
public sealed record SlackStartRequest(string Drill, bool DryRun, string UserId, string UserName, string ChannelId, string DeliveryKey)
{
    /// <summary>Run inside a blackout for this reason (the user confirmed it); null otherwise.</summary>
    public string? OverrideBlackout { get; init; }
}

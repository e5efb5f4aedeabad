namespace DrillBot.Slack.Handling;

/// <summary>
/// The freeze after <c>/drill freeze</c> or <c>unfreeze</c> (or as <c>/drill status</c> shows it): <see cref="Changed"/>
/// false when it was so already; <see cref="Stopping"/> the runs the freeze aborts.
/// </summary>
public sealed record SlackFreezeResult(bool Changed, bool Frozen, string? By, string? Reason, DateTimeOffset? Since)
{
    public IReadOnlyList<string> Stopping { get; init; } = [];
}

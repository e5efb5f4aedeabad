namespace DrillBot.Slack.Outbox;

/// <summary>Knobs of the outbox dispatcher.</summary>
public sealed record SlackOutboxOptions
{
    /// <summary>How often the store is polled when nothing signalled new messages.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Messages read per pass.</summary>
    public int BatchSize { get; init; } = 200;

    /// <summary>First backoff after a failed delivery; doubles per attempt up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan BaseBackoff { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A message whose predecessor (<c>DependsOnKey</c>) is still undelivered after this long is sent anyway (its order is then best effort).</summary>
    public TimeSpan OrderingTimeout { get; init; } = TimeSpan.FromMinutes(30);
}

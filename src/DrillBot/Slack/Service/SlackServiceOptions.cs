using DrillBot.Slack.Outbox;
using DrillBot.Slack.SocketMode;
using DrillBot.Slack.WebApi;

namespace DrillBot.Slack.Service;

/// <summary>How the service hosts Slack: its settings, this replica's name and the timings the host chose (null: the defaults).</summary>
internal sealed record SlackServiceOptions
{
    public required SlackOptions Slack { get; init; }

    /// <summary>This replica, holding the store lease <c>outbox</c> while it delivers.</summary>
    public required string InstanceId { get; init; }

    /// <summary>TTL of the <c>outbox</c> lease, renewed every third of it.</summary>
    public required TimeSpan WorkLeaseTtl { get; init; }

    /// <summary>Largest request body accepted on the Slack routes (413 above).</summary>
    public required int MaxBodyBytes { get; init; }

    public SlackOutboxOptions? Outbox { get; init; }

    public SlackResilienceOptions? Resilience { get; init; }

    public Func<SocketModeOptions, SocketModeOptions>? SocketMode { get; init; }
}

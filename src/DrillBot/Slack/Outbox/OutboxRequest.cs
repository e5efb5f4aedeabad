using System.Text.Json.Nodes;
using DrillBot.Slack.WebApi;

namespace DrillBot.Slack.Outbox;

/// <summary>A resolved outbox message: either the call to make, or why not now (<see cref="Step"/>).</summary>
internal sealed record OutboxRequest(Func<CancellationToken, Task<SlackApiResponse>>? Send, string? Ts, string? Channel)
{
    public OutboxRequest(SlackOutboxDispatcher.Step step)
        : this(null, null, null) => Step = step;

    public static OutboxRequest Wait { get; } = new(SlackOutboxDispatcher.Step.Waiting);

    public SlackOutboxDispatcher.Step? Step { get; }

    public static string? Str(JsonObject payload, string name) =>
        payload[name] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;
}

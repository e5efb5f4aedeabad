using System.Text.Json.Nodes;
using DrillBot.Slack.WebApi;

namespace DrillBot.Slack.Outbox;

/// <summary>
/// A resolved outbox message: the call to make (<see cref="Send"/>), or why not now: waiting for the
/// message it threads under or updates (<see cref="Send"/> null), or never (<see cref="DeadLetter"/>).
/// </summary>
internal sealed record OutboxRequest(Func<CancellationToken, Task<SlackApiResponse>>? Send, string? Ts, string? Channel, string? DeadLetter = null)
{
    public static OutboxRequest Wait { get; } = new(null, null, null);

    public static OutboxRequest GiveUp(string reason) => new(null, null, null, reason);

    public static string? Str(JsonObject payload, string name) =>
        payload[name] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;
}

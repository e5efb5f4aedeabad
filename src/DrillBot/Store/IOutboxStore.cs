namespace DrillBot.Store;

/// <summary>
/// A durable outbox for messages to outside systems (Slack): enqueued in the store before any send
/// is attempted, delivered by one dispatcher, never lost while the receiver is down or the bot
/// restarts, and never enqueued twice for the same key.
/// </summary>
public interface IOutboxStore
{
    /// <summary>Adds a message. Returns false (and changes nothing) when <paramref name="key"/> exists already.</summary>
    Task<bool> EnqueueAsync(OutboxItem item, CancellationToken cancellationToken);

    /// <summary>Unsent messages whose next attempt is due, oldest first.</summary>
    Task<IReadOnlyList<OutboxMessage>> GetDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Marks a message delivered and keeps the receiver's answer (e.g. a Slack message <c>ts</c>).</summary>
    Task MarkSentAsync(long id, string? resultJson, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt and when to try again.</summary>
    Task MarkRetryAsync(long id, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken);

    /// <summary>The stored answer of a delivered message, or null when it is not (yet) delivered.</summary>
    Task<string?> GetResultAsync(string key, CancellationToken cancellationToken);
}

/// <summary>A message to enqueue. <paramref name="Key"/> is the idempotency key.</summary>
/// <param name="Key">Unique per logical message, e.g. <c>run/{runId}/result</c>.</param>
/// <param name="Kind">What the dispatcher does with it, e.g. <c>chat.postMessage</c>.</param>
/// <param name="PayloadJson">The request body or the dispatcher's instructions.</param>
/// <param name="DependsOnKey">Another message that must be delivered first (a thread reply needs its parent's ts).</param>
/// <param name="CreatedAt">When it was enqueued; also the first attempt time.</param>
public sealed record OutboxItem(string Key, string Kind, string PayloadJson, string? DependsOnKey, DateTimeOffset CreatedAt);

/// <summary>A stored outbox message.</summary>
public sealed record OutboxMessage(
    long Id,
    string Key,
    string Kind,
    string PayloadJson,
    string? DependsOnKey,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt,
    string? LastError);

namespace DrillBot.Slack.Handling;

/// <summary>
/// "Have I seen this Slack delivery before?" Slack redelivers (HTTP retries with
/// <c>X-Slack-Retry-Num</c>, Socket Mode envelopes with <c>retry_attempt</c>); a redelivery must never
/// start a second drill. Keys are derived from <c>trigger_id</c> (or the body hash / envelope ID).
/// The store implements it durably for several replicas; <see cref="InMemorySlackDeliveryDedupe"/> serves one.
/// </summary>
public interface ISlackDeliveryDedupe
{
    /// <summary>Records <paramref name="key"/>; true the first time, false when it was seen before.</summary>
    Task<bool> TryBeginAsync(string key, CancellationToken cancellationToken);
}

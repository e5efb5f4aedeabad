namespace DrillBot.Slack.WebApi;

/// <summary>
/// Knobs of the Web API resilience pipeline (retry → circuit breaker → per-attempt timeout). The
/// defaults suit production; tests shrink them. Longer outages are the outbox's business: the
/// pipeline only smooths short blips, then returns a retryable <see cref="SlackApiResponse"/>.
/// </summary>
public sealed record SlackResilienceOptions
{
    /// <summary>Retries within one call (0 disables in-call retries).</summary>
    public int MaxRetryAttempts { get; init; } = 3;

    /// <summary>Base of the jittered exponential backoff for 5xx and network errors.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap of the backoff (not of <c>Retry-After</c>).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A 429 whose <c>Retry-After</c> is longer is not waited out in the call but returned as <see cref="SlackCallStatus.RateLimited"/>.</summary>
    public TimeSpan MaxInlineRetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of each attempt.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The circuit opens when at least this share of calls fail within <see cref="SamplingDuration"/>…</summary>
    public double FailureRatio { get; init; } = 0.5;

    /// <summary>…and at least this many calls were made in it.</summary>
    public int MinimumThroughput { get; init; } = 4;

    public TimeSpan SamplingDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open before one trial call.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);
}

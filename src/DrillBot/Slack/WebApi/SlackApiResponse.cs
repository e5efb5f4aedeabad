namespace DrillBot.Slack.WebApi;

/// <summary>
/// The answer to any Web API call (<c>{ok, error, ts, channel}</c>, plus <c>url</c> for
/// <c>apps.connections.open</c>) together with how the call ended. Calls never throw for Slack or
/// network errors: they return this.
/// </summary>
public sealed record SlackApiResponse
{
    public required SlackCallStatus Status { get; init; }

    /// <summary>Slack's error code (<c>channel_not_found</c>…) or a short description of the failure.</summary>
    public string? Error { get; init; }

    /// <summary>Timestamp (ID) of the posted or updated message.</summary>
    public string? Ts { get; init; }

    /// <summary>Channel ID of the posted or updated message.</summary>
    public string? Channel { get; init; }

    /// <summary>WebSocket URL from <c>apps.connections.open</c>.</summary>
    public string? Url { get; init; }

    /// <summary>The whole answer of a successful call (read methods such as <c>usergroups.list</c> carry their data here).</summary>
    public System.Text.Json.Nodes.JsonObject? Body { get; init; }

    /// <summary>HTTP status of the last attempt, when there was an answer.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>When to try again (429 <c>Retry-After</c>, or the open circuit's remaining break).</summary>
    public TimeSpan? RetryAfter { get; init; }

    public bool Ok => Status == SlackCallStatus.Ok;

    /// <summary>True when a later attempt may succeed.</summary>
    public bool IsRetryable => Status is SlackCallStatus.RateLimited or SlackCallStatus.Unavailable or SlackCallStatus.CircuitOpen;
}

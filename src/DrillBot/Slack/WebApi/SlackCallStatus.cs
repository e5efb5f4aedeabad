namespace DrillBot.Slack.WebApi;

/// <summary>How a Web API call ended, after the resilience pipeline gave up or succeeded.</summary>
public enum SlackCallStatus
{
    /// <summary>Slack accepted it (<c>ok: true</c>, or 2xx from a response_url).</summary>
    Ok,

    /// <summary>Slack refused it for a reason retrying will not fix (<c>invalid_auth</c>, <c>channel_not_found</c>, <c>not_in_channel</c>, expired response_url…).</summary>
    Rejected,

    /// <summary>Rate limited; <see cref="SlackApiResponse.RetryAfter"/> says when to try again.</summary>
    RateLimited,

    /// <summary>5xx, timeout or network error after the in-call retries: try again later.</summary>
    Unavailable,

    /// <summary>The circuit breaker is open (Slack looks down); nothing was sent.</summary>
    CircuitOpen,
}

namespace DrillBot.Slack.Handling;

/// <summary>What an endpoint hands to <see cref="SlackRequestHandler"/>: the raw body and the headers that matter.</summary>
/// <param name="Body">The raw body, exactly as received (the signature covers it byte for byte).</param>
/// <param name="ContentType">The <c>Content-Type</c> header.</param>
/// <param name="Timestamp"><c>X-Slack-Request-Timestamp</c>.</param>
/// <param name="Signature"><c>X-Slack-Signature</c>.</param>
/// <param name="RetryNum"><c>X-Slack-Retry-Num</c>, present on redeliveries.</param>
public sealed record SlackHttpRequest(string Body, string? ContentType, string? Timestamp, string? Signature, string? RetryNum = null);

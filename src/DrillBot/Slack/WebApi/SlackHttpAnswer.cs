using System.Text.Json;
using System.Text.Json.Nodes;

namespace DrillBot.Slack.WebApi;

/// <summary>One HTTP answer from Slack, as the resilience pipeline sees it.</summary>
internal sealed record SlackHttpAnswer(int StatusCode, string Body, TimeSpan? RetryAfter)
{
    private static readonly HashSet<string> TransientErrors = new(StringComparer.Ordinal)
    {
        "internal_error", "fatal_error", "service_unavailable", "request_timeout", "team_added_to_org",
    };

    /// <summary>The JSON body when it is an object; response_url answers are plain text (<c>ok</c>).</summary>
    public JsonObject? Json { get; } = TryParse(Body);

    public string? SlackError => Json?["error"] is JsonValue v && v.TryGetValue<string>(out var e) ? e : null;

    public bool IsRateLimited => StatusCode == 429 || SlackError is "ratelimited" or "rate_limited";

    public bool IsServerError => StatusCode >= 500 || StatusCode == 408 || (SlackError is { } e && TransientErrors.Contains(e));

    private static JsonObject? TryParse(string body)
    {
        if (body.Length == 0 || body[0] != '{')
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

using System.Text.Json.Nodes;

namespace DrillBot.Tests.Slack.Fakes;

/// <summary>A scripted answer of <see cref="FakeSlackServer"/>.</summary>
public sealed record FakeSlackResponse(int StatusCode, JsonObject? Body = null, TimeSpan? RetryAfter = null, string? Text = null)
{
    /// <summary>HTTP 429 with <c>Retry-After</c> (whole seconds) and Slack's <c>ratelimited</c> body.</summary>
    public static FakeSlackResponse RateLimited(TimeSpan retryAfter) =>
        new(429, new JsonObject { ["ok"] = false, ["error"] = "ratelimited" }, retryAfter);

    /// <summary>An HTTP error with a plain body (e.g. 503 while Slack is down).</summary>
    public static FakeSlackResponse Http(int status) => new(status, Text: "upstream unavailable");

    /// <summary>HTTP 200 with <c>{ok: false, error}</c>.</summary>
    public static FakeSlackResponse SlackError(string error) => new(200, new JsonObject { ["ok"] = false, ["error"] = error });
}

namespace DrillBot.Slack.Handling;

/// <summary>
/// What the endpoint writes back. <see cref="Kind"/> and <see cref="Result"/> are the labels for
/// <c>drillbot_slack_requests_total{kind,result}</c>.
/// </summary>
public sealed record SlackHttpResponse(int StatusCode, string ContentType, string Body, string Kind, string Result)
{
    public static SlackHttpResponse Json(string kind, string result, string json) => new(200, "application/json; charset=utf-8", json, kind, result);

    public static SlackHttpResponse Empty(string kind, string result) => new(200, "text/plain; charset=utf-8", "", kind, result);

    public static SlackHttpResponse Error(int status, string kind, string result, string message) =>
        new(status, "text/plain; charset=utf-8", message, kind, result);
}

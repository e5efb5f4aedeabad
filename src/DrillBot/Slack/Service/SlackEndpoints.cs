using DrillBot.Api;
using DrillBot.Metrics;
using DrillBot.Runs;
using DrillBot.Slack.Handling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DrillBot.Slack.Service;

/// <summary>
/// <c>POST /slack/commands</c> and <c>POST /slack/interactions</c>: the raw body is read once (413
/// above the limit, before anything else), handed with the signature headers to
/// <see cref="SlackRequestHandler"/> (401 unsigned/stale/forged, 415 wrong content type), and every
/// answer is counted in <c>drillbot_slack_requests_total{kind,result}</c>. Mapped whether or not Slack is
/// configured (503 <c>not_configured</c> without it).
/// </summary>
internal static class SlackEndpoints
{
    public static void MapSlack(this IEndpointRouteBuilder app)
    {
        app.MapPost("/slack/commands", (HttpContext context) => HandleAsync(context, "command"));
        app.MapPost("/slack/interactions", (HttpContext context) => HandleAsync(context, "interaction"));
    }

    private static async Task HandleAsync(HttpContext context, string kind)
    {
        var services = context.RequestServices;
        var metrics = services.GetRequiredService<DrillMetrics>();
        var handler = services.GetService<SlackRequestHandler>();
        if (RequestBase.Of(context.Request) is { } requestBase)
        {
            services.GetRequiredService<ReportLinks>().Seen(requestBase); // report links of runs started from here
        }

        var response = handler is null
            ? SlackHttpResponse.Error(StatusCodes.Status503ServiceUnavailable, kind, "not_configured", "Slack is not configured on this DrillBot (SLACK_BOT_TOKEN is unset).")
            : await ReadAndHandleAsync(context, kind, handler, services.GetRequiredService<SlackHandlerOptions>().MaxBodyBytes);
        metrics.SlackRequest(response.Kind, response.Result);
        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = response.ContentType;
        await context.Response.WriteAsync(response.Body, context.RequestAborted);
    }

    private static async Task<SlackHttpResponse> ReadAndHandleAsync(HttpContext context, string kind, SlackRequestHandler handler, int maxBytes)
    {
        var body = await BoundedBody.ReadAsync(context.Request, maxBytes, context.RequestAborted);
        if (body is null)
        {
            return SlackHttpResponse.Error(StatusCodes.Status413PayloadTooLarge, kind, "too_large", $"Body larger than {maxBytes} bytes.");
        }

        var headers = context.Request.Headers;
        var request = new SlackHttpRequest(
            body,
            context.Request.ContentType,
            headers["X-Slack-Request-Timestamp"].FirstOrDefault(),
            headers["X-Slack-Signature"].FirstOrDefault(),
            headers["X-Slack-Retry-Num"].FirstOrDefault());
        return kind == "command" ? await handler.HandleCommandAsync(request) : await handler.HandleInteractionAsync(request);
    }
}

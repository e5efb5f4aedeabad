using DrillBot.Api;
using DrillBot.Logging;
using DrillBot.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace DrillBot.Hosting;

/// <summary>The one listener's routes (DESIGN section 7, a Contract).</summary>
internal static class ServiceEndpoints
{
    public static void Map(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DrillBot.Api");
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception e) when (StoreFailure.Is(e) && !context.Response.HasStarted)
            {
                ServiceLog.StoreUnavailable(logger, e, $"answer {context.Request.Method} {context.Request.Path}");
                await Problems.StoreUnavailable().ExecuteAsync(context);
            }
            catch (Exception e) when (e is not OperationCanceledException && !context.Response.HasStarted)
            {
                ServiceLog.RequestFailed(logger, e, context.Request.Method, context.Request.Path);
                await Problems.Create(StatusCodes.Status500InternalServerError, "Internal error", "DrillBot failed to answer; the log has the details.").ExecuteAsync(context);
            }
        });

        app.MapGet("/healthz", (Readiness readiness) => readiness.Health());
        app.MapGet("/readyz", (Readiness readiness, CancellationToken cancellationToken) => readiness.ReadyAsync(cancellationToken));
        app.MapMetrics("/metrics", app.Services.GetRequiredService<CollectorRegistry>());
        SlackEndpoints.Map(app);
        var auth = app.Services.GetRequiredService<ApiAuth>();
        var api = app.MapGroup("/api").AddEndpointFilter(async (context, next) => auth.Check(context.HttpContext.Request) ?? await next(context));
        DrillEndpoints.Map(api);
        RunEndpoints.Map(api);
        app.MapGet("/runs/{id}", RunEndpoints.HtmlAsync);
    }
}

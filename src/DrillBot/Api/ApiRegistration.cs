using DrillBot.Logging;
using DrillBot.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DrillBot.Api;

/// <summary>The HTTP API: health, readiness, <c>/api/*</c> behind the bearer token, the HTML report pages, and the problem answers of every route.</summary>
internal static class ApiRegistration
{
    public static IServiceCollection AddApi(this IServiceCollection services, ApiOptions options) =>
        services.AddSingleton(options).AddSingleton<ApiAuth>().AddSingleton<Readiness>();

    /// <summary>An unavailable store answers 503, any other failure 500, as problem documents (when nothing was sent yet).</summary>
    public static IApplicationBuilder UseProblemAnswers(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DrillBot.Api");
        return app.Use(async (context, next) =>
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
    }

    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", (Readiness readiness) => readiness.Health());
        app.MapGet("/readyz", (Readiness readiness, CancellationToken cancellationToken) => readiness.ReadyAsync(cancellationToken));
    }

    public static void MapApi(this IEndpointRouteBuilder app)
    {
        var auth = app.ServiceProvider.GetRequiredService<ApiAuth>();
        var api = app.MapGroup("/api").AddEndpointFilter(async (context, next) => await auth.CheckAsync(context.HttpContext) ?? await next(context));
        DrillEndpoints.Map(api);
        RunEndpoints.Map(api);
        FreezeEndpoints.Map(api);
        AuditEndpoints.Map(api);
        ApprovalEndpoints.Map(api);
        TokenEndpoints.Map(api);
        app.MapGet("/runs/{id}", RunEndpoints.HtmlAsync);
    }
}

using System.Globalization;
using DrillBot.Drills.Reports;
using DrillBot.Runs;
using DrillBot.Store;
using DrillBot.Store.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DrillBot.Api;

/// <summary><c>GET /api/runs</c>, <c>GET /api/runs/{id}</c> (the report JSON, or a status document while running), <c>POST /api/runs/{id}/abort</c>.</summary>
internal static class RunEndpoints
{
    private const int MaxListed = 500;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/runs", ListAsync).Reads();
        api.MapGet("/runs/{id}", GetAsync).Reads();
        api.MapPost("/runs/{id}/abort", AbortAsync).Runs();
    }

    private static async Task<IResult> ListAsync(HttpRequest request, IDrillBotStore store, ReportLinks links, CancellationToken cancellationToken)
    {
        var drill = request.Query["drill"].FirstOrDefault();
        var limitText = request.Query["limit"].FirstOrDefault();
        var limit = 20;
        if (limitText is not null && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxListed))
        {
            return Problems.BadRequest($"limit must be a whole number from 1 to {MaxListed}, got '{limitText}'.");
        }

        var runs = await store.Runs.ListLatestAsync(limit, string.IsNullOrWhiteSpace(drill) ? null : drill, cancellationToken);
        return Results.Json(new { runs = runs.Select(r => RunDocuments.Summary(r, links.For(r.RunId, RequestBase.Of(request)))) });
    }

    private static async Task<IResult> GetAsync(string id, IDrillBotStore store, ActiveRuns active, CancellationToken cancellationToken)
    {
        var record = await store.Runs.GetAsync(id, cancellationToken);
        if (record is null)
        {
            return Problems.NotFound($"There is no run '{id}'.");
        }

        return record.ReportJson is { } json
            ? Results.Text(json, "application/json; charset=utf-8")
            : Results.Json(RunDocuments.Status(record.Run, active.Get(id)));
    }

    private static async Task<IResult> AbortAsync(string id, HttpContext context, RunCoordinator coordinator, CancellationToken cancellationToken)
    {
        var by = ApiPrincipal.Of(context).Who(context.Request.Headers["X-DrillBot-By"].FirstOrDefault());
        return await coordinator.AbortAsync(id, by, cancellationToken) switch
        {
            AbortOutcome.Aborting a => Results.Json(new { runId = a.RunId, drill = a.Drill, status = "aborting", remote = a.Remote }, statusCode: StatusCodes.Status202Accepted),
            AbortOutcome.AlreadyFinished f => Problems.Create(StatusCodes.Status409Conflict, "Already finished", $"Run {f.RunId} has already finished ({f.Verdict}); nothing to abort.", new Dictionary<string, object?> { ["verdict"] = f.Verdict }),
            _ => Problems.NotFound($"There is no run '{id}'."),
        };
    }

    /// <summary><c>GET /runs/{id}</c>: the HTML report (no token needed: the link is posted to Slack).</summary>
    public static async Task<IResult> HtmlAsync(string id, IDrillBotStore store, ActiveRuns active, CancellationToken cancellationToken)
    {
        var record = await store.Runs.GetAsync(id, cancellationToken);
        if (record?.ReportJson is { } json && ReportJson.Deserialize(json) is { } report)
        {
            return Results.Content(HtmlReport.Render(report), "text/html; charset=utf-8");
        }

        return record is null
            ? Results.Content(ReportPages.Message("No such run", $"There is no run {id}."), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound)
            : Results.Content(ReportPages.Pending(record.Run, active.Get(id)), "text/html; charset=utf-8");
    }
}

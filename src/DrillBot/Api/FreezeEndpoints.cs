using DrillBot.Governance.Freeze;
using DrillBot.Governance.Tokens;
using DrillBot.Store.Freeze;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DrillBot.Api;

/// <summary>
/// <c>GET /api/freeze</c> (read), <c>POST /api/freeze {"reason", "by"}</c> (scope freeze or run: broader than run on
/// purpose), <c>POST /api/unfreeze {"by"}</c> (run): the one big red stop (docs/service.md, "Freeze").
/// </summary>
internal static class FreezeEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/freeze", GetAsync).Reads();
        api.MapPost("/freeze", FreezeAsync).Needs(ApiScopes.Freeze, ApiScopes.Run);
        api.MapPost("/unfreeze", UnfreezeAsync).Runs();
    }

    public static object Document(FreezeState state, int? stopping = null) => new
    {
        frozen = state.Frozen,
        reason = state.Reason,
        by = state.By,
        source = state.Source,
        since = state.Since?.ToUniversalTime(),
        liftedBy = state.LiftedBy,
        liftedAt = state.LiftedAt?.ToUniversalTime(),
        stoppingRuns = stopping,
    };

    private static async Task<IResult> GetAsync(FreezeService freeze, CancellationToken cancellationToken) =>
        Results.Json(Document(await freeze.GetAsync(cancellationToken)));

    private static async Task<IResult> FreezeAsync(HttpContext context, FreezeService freeze, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(context.Request, new FreezeBody(), "{\"reason\": \"incident INC-42\", \"by\": \"@ann\"}", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(body.Reason))
        {
            return Problems.BadRequest("A freeze needs a reason (it is shown to everyone and in every aborted report), e.g. {\"reason\": \"incident INC-42\"}.");
        }

        var principal = ApiPrincipal.Of(context);
        var change = await freeze.FreezeAsync(principal.Who(body.By), principal.Source, body.Reason.Trim(), cancellationToken);
        return Results.Json(Document(change.State, change.Changed ? change.Running.Count : null), statusCode: change.Changed ? StatusCodes.Status200OK : StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> UnfreezeAsync(HttpContext context, FreezeService freeze, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(context.Request, new FreezeBody(), "{\"by\": \"@ann\"}", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var principal = ApiPrincipal.Of(context);
        var change = await freeze.UnfreezeAsync(principal.Who(body.By), principal.Source, cancellationToken);
        return Results.Json(Document(change.State), statusCode: change.Changed ? StatusCodes.Status200OK : StatusCodes.Status409Conflict);
    }

    private sealed record FreezeBody(string? Reason = null, string? By = null);
}

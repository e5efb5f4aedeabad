using DrillBot.Governance.Tokens;
using DrillBot.Store;
using DrillBot.Store.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DrillBot.Api;

/// <summary>
/// Named API tokens (scope admin): <c>GET /api/tokens</c> (names, scopes, created, revoked; never a token or its hash),
/// <c>POST /api/tokens {"name", "scopes"}</c> (201 with the token, shown this once), <c>DELETE /api/tokens/{name}</c>
/// (revokes it; the row stays, the name is never reused).
/// </summary>
internal static class TokenEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/tokens", ListAsync).Needs(ApiScopes.Admin);
        api.MapPost("/tokens", CreateAsync).Needs(ApiScopes.Admin);
        api.MapDelete("/tokens/{name}", RevokeAsync).Needs(ApiScopes.Admin);
    }

    public static object Document(ApiTokenRecord token) => new
    {
        name = token.Name,
        scopes = token.Scopes,
        createdAt = token.CreatedAt.ToUniversalTime(),
        createdBy = token.CreatedBy,
        revokedAt = token.RevokedAt?.ToUniversalTime(),
        revokedBy = token.RevokedBy,
    };

    private static async Task<IResult> ListAsync(IDrillBotStore store, CancellationToken cancellationToken) =>
        Results.Json(new { tokens = (await store.Tokens.ListAsync(cancellationToken)).Select(Document) });

    private static async Task<IResult> CreateAsync(HttpContext context, IDrillBotStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(context.Request, new TokenBody(), "{\"name\": \"ci\", \"scopes\": [\"run\", \"read\"]}", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (body.Name is not { } name || !ApiTokens.IsValidName(name))
        {
            return Problems.BadRequest($"name must be {ApiTokens.NameRule}, got '{body.Name}'.");
        }

        if (ApiScopes.Parse(body.Scopes ?? [], out var scopeProblem) is not { } scopes)
        {
            return Problems.BadRequest(scopeProblem!);
        }

        var principal = ApiPrincipal.Of(context);
        var token = await ApiTokens.CreateAsync(store, name, scopes, principal.Name, principal.Source, time, cancellationToken);
        return token is null
            ? Problems.Create(StatusCodes.Status409Conflict, "Name taken", $"A token named '{name}' exists (or existed: names of revoked tokens are not reused).")
            : Results.Json(new { name, scopes, token, note = "Shown once: DrillBot keeps only its SHA-256." }, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> RevokeAsync(string name, HttpContext context, IDrillBotStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var principal = ApiPrincipal.Of(context);
        return await ApiTokens.RevokeAsync(store, name, principal.Name, principal.Source, time, cancellationToken)
            ? Results.Json(new { name, revoked = true })
            : Problems.NotFound($"There is no live token '{name}'.");
    }

    private sealed record TokenBody(string? Name = null, IReadOnlyList<string>? Scopes = null);
}

using System.Security.Cryptography;
using System.Text;
using DrillBot.Governance.Tokens;
using DrillBot.Logging;
using DrillBot.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DrillBot.Api;

/// <summary>
/// <c>/api/*</c> requires <c>Authorization: Bearer …</c>: a named token (<c>dbt_…</c>, looked up by its SHA-256 in the
/// store; a revoked one is refused) or the shared <c>DRILLBOT_API_TOKEN</c>, compared in constant time (both sides
/// hashed first, so neither content nor length leaks), which has every scope. Each route then needs a scope
/// (<see cref="Require"/>): 403 naming the token and the scope it lacks.
/// </summary>
internal sealed class ApiAuth(ApiOptions options, IDrillBotStore store, ILogger<ApiAuth> logger)
{
    private readonly byte[]? expected = options.ApiToken is null ? null : SHA256.HashData(Encoding.UTF8.GetBytes(options.ApiToken));

    public bool Enabled => expected is not null;

    /// <summary>Null when the request may pass (its principal attached to the context); otherwise the 401 answer.</summary>
    public async Task<IResult?> CheckAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Unauthorized("Missing 'Authorization: Bearer <token>' header.");
        }

        var presented = header[7..].Trim();
        if (presented.StartsWith(ApiTokens.Prefix, StringComparison.Ordinal))
        {
            var token = await store.Tokens.FindByHashAsync(ApiTokens.Hash(presented), context.RequestAborted);
            if (token is null)
            {
                return Unauthorized("Invalid bearer token.");
            }

            if (token.RevokedAt is { } revoked)
            {
                return Unauthorized($"Token '{token.Name}' was revoked at {revoked.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC.");
            }

            new ApiPrincipal(token.Name, token.Scopes).Attach(context);
            return null;
        }

        if (expected is null)
        {
            return Unauthorized("The API is disabled: DRILLBOT_API_TOKEN is not set on the server (named tokens, dbt_…, are made with drillbot token create).");
        }

        if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), expected))
        {
            return Unauthorized("Invalid bearer token.");
        }

        ApiPrincipal.Shared.Attach(context);
        return null;
    }

    /// <summary>An endpoint filter: 403 unless the caller's token has one of <paramref name="scopes"/> (or admin).</summary>
    public EndpointFilterDelegate Require(EndpointFilterDelegate next, params string[] scopes) => async context =>
    {
        var principal = ApiPrincipal.Of(context.HttpContext);
        if (scopes.Any(principal.Allows))
        {
            return await next(context);
        }

        var request = context.HttpContext.Request;
        ServiceLog.ScopeRefused(logger, principal.Name, string.Join("|", scopes), request.Method, request.Path);
        return Problems.Create(
            StatusCodes.Status403Forbidden,
            "Forbidden",
            $"Token '{principal.Name}' lacks scope '{string.Join("' or '", scopes)}' for {request.Method} {request.Path} (it has: {string.Join(", ", principal.Scopes)}).",
            new Dictionary<string, object?> { ["token"] = principal.Name, ["needs"] = scopes, ["has"] = principal.Scopes });
    };

    private static IResult Unauthorized(string detail) =>
        new UnauthorizedProblem(Problems.Create(StatusCodes.Status401Unauthorized, "Unauthorized", detail));

    /// <summary>A 401 problem with <c>WWW-Authenticate: Bearer</c>.</summary>
    private sealed class UnauthorizedProblem(IResult problem) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return problem.ExecuteAsync(httpContext);
        }
    }
}

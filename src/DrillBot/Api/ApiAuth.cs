using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace DrillBot.Api;

/// <summary>
/// <c>/api/*</c> requires <c>Authorization: Bearer $DRILLBOT_API_TOKEN</c>, compared in constant time
/// (both sides hashed first, so neither content nor length leaks). Without a configured token every
/// request is refused (401) and the log said so at start.
/// </summary>
internal sealed class ApiAuth(ApiOptions options)
{
    private readonly byte[]? expected = options.ApiToken is null ? null : SHA256.HashData(Encoding.UTF8.GetBytes(options.ApiToken));

    public bool Enabled => expected is not null;

    /// <summary>Null when the request may pass; otherwise the 401 answer.</summary>
    public IResult? Check(HttpRequest request)
    {
        if (expected is null)
        {
            return Unauthorized("The API is disabled: DRILLBOT_API_TOKEN is not set on the server.");
        }

        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Unauthorized("Missing 'Authorization: Bearer <token>' header.");
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header[7..].Trim()));
        return CryptographicOperations.FixedTimeEquals(presented, expected) ? null : Unauthorized("Invalid bearer token.");
    }

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

using Microsoft.AspNetCore.Http;

namespace DrillBot.Api;

/// <summary>RFC 7807 problem details (<c>application/problem+json</c>) for every API error.</summary>
internal static class Problems
{
    public static IResult Create(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);

    public static IResult NotFound(string detail, IDictionary<string, object?>? extensions = null) => Create(StatusCodes.Status404NotFound, "Not found", detail, extensions);

    public static IResult BadRequest(string detail) => Create(StatusCodes.Status400BadRequest, "Bad request", detail);

    public static IResult StoreUnavailable() =>
        Create(StatusCodes.Status503ServiceUnavailable, "Store unavailable", "The run history store is unavailable; try again shortly (the log says why).");
}

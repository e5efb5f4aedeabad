using Microsoft.AspNetCore.Http;

namespace DrillBot.Api;

/// <summary>The base address a client used (honouring <c>X-Forwarded-Proto</c>/<c>-Host</c> from an ingress), for report links.</summary>
internal static class RequestBase
{
    public static Uri? Of(HttpRequest request)
    {
        var scheme = First(request.Headers["X-Forwarded-Proto"]) is "http" or "https" ? First(request.Headers["X-Forwarded-Proto"])! : request.Scheme;
        var host = First(request.Headers["X-Forwarded-Host"]) ?? request.Host.Value;
        return string.IsNullOrEmpty(host) || !Uri.TryCreate($"{scheme}://{host}{request.PathBase}/", UriKind.Absolute, out var uri) ? null : uri;
    }

    private static string? First(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Count == 0 ? null : values[0]?.Split(',')[0].Trim() is { Length: > 0 } v ? v : null;
}

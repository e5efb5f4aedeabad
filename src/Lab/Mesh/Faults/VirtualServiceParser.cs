using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DrillBot.Lab.Api;

namespace DrillBot.Lab.Mesh;

/// <summary>
/// Finds the VirtualService route productpage's <c>GET /reviews/0</c> takes (the oldest VirtualService on the
/// reviews host, its first <c>http[]</c> entry whose <c>match</c> the request satisfies) and reads its fault,
/// destinations and retries. What the Lab cannot evaluate is reported as <see cref="NotModelled"/>.
/// </summary>
internal static class VirtualServiceParser
{
    private const string RequestPath = "/reviews/0";

    public static VirtualServiceRoute? Parse(ObjectStore store, string ns, int defaultAttempts, List<NotModelled> notModelled)
    {
        var service = store.List(IstioKinds.VirtualService, ns)
            .Where(vs => (vs["spec"]?["hosts"] as JsonArray ?? []).Any(h => PolicyParser.IsReviewsHost(h, ns)))
            .OrderBy(vs => vs["metadata"]?["creationTimestamp"]?.ToString(), StringComparer.Ordinal)
            .FirstOrDefault();
        if (service is null)
        {
            return null;
        }

        var source = $"{IstioKinds.VirtualService}/{ns}/{ObjectMetadata.Name(service)}";
        var entries = (service["spec"]?["http"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            var http = entries[i];
            if (!Matches(http["match"] as JsonArray, source, $"http[{i}]", notModelled))
            {
                continue;
            }

            foreach (var field in new[] { "timeout", "mirror", "rewrite", "redirect", "directResponse", "headers", "corsPolicy" })
            {
                if (http[field] is not null)
                {
                    notModelled.Add(new NotModelled(source, $"http[{i}].{field} (stored, not applied)"));
                }
            }

            return new VirtualServiceRoute(source, Fault(http["fault"] as JsonObject, source, i, notModelled),
                Destinations(http["route"] as JsonArray, ns, source, i, notModelled), Retries(http["retries"] as JsonObject, defaultAttempts, source, i, notModelled));
        }

        return null;
    }

    private static bool Matches(JsonArray? match, string source, string path, List<NotModelled> notModelled)
    {
        if (match is null || match.Count == 0)
        {
            return true;
        }

        return match.OfType<JsonObject>().Any(m => m.All(condition => condition.Key switch
        {
            "name" => true,
            "uri" => UriMatches(condition.Value as JsonObject),
            "method" => (condition.Value as JsonObject)?["exact"]?.ToString() is null or "GET",
            "sourceLabels" => (condition.Value as JsonObject ?? []).All(l => l.Key switch
            {
                "app" => l.Value?.ToString() == "productpage",
                "version" => l.Value?.ToString() == "v1",
                _ => false,
            }),
            // The Lab's user is anonymous: productpage forwards no end-user header.
            "headers" => false,
            "withoutHeaders" => true,
            _ => Unmodelled(notModelled, source, $"{path}.match.{condition.Key} (treated as not matching)"),
        }));
    }

    private static bool Unmodelled(List<NotModelled> notModelled, string source, string why)
    {
        notModelled.Add(new NotModelled(source, why));
        return false;
    }

    private static bool UriMatches(JsonObject? uri) =>
        uri?["exact"]?.ToString() is { } exact ? exact == RequestPath
        : uri?["prefix"]?.ToString() is { } prefix ? RequestPath.StartsWith(prefix, StringComparison.Ordinal)
        : uri?["regex"]?.ToString() is { } regex && SafeRegex(regex);

    private static bool SafeRegex(string pattern)
    {
        try
        {
            return Regex.IsMatch(RequestPath, "^(?:" + pattern + ")$", RegexOptions.None, TimeSpan.FromMilliseconds(50));
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static HttpFaultSpec? Fault(JsonObject? fault, string source, int i, List<NotModelled> notModelled)
    {
        if (fault is null)
        {
            return null;
        }

        var abort = fault["abort"] as JsonObject;
        var delay = fault["delay"] as JsonObject;
        if (abort is not null && abort["httpStatus"] is null)
        {
            notModelled.Add(new NotModelled(source, $"http[{i}].fault.abort without httpStatus (grpcStatus/http2Error)"));
        }

        return new HttpFaultSpec(Int(abort?["httpStatus"]), Percent(abort), Duration(delay?["fixedDelay"]), Percent(delay));
    }

    private static List<RouteDestination> Destinations(JsonArray? route, string ns, string source, int i, List<NotModelled> notModelled)
    {
        var result = new List<RouteDestination>();
        var entries = (route ?? []).OfType<JsonObject>().ToList();
        foreach (var entry in entries)
        {
            var destination = entry["destination"] as JsonObject;
            if (!PolicyParser.IsReviewsHost(destination?["host"], ns))
            {
                notModelled.Add(new NotModelled(source, $"http[{i}].route to host '{destination?["host"]}' (only reviews is routed)"));
                continue;
            }

            var weight = Int(entry["weight"]) ?? (entries.Count == 1 ? 100 : 0);
            result.Add(new RouteDestination(destination!["subset"]?.ToString(), weight));
        }

        return result.Count > 0 && result.All(d => d.Weight == 0) ? result.Select(d => d with { Weight = 1 }).ToList() : result;
    }

    private static RetryPolicy? Retries(JsonObject? retries, int defaultAttempts, string source, int i, List<NotModelled> notModelled)
    {
        if (retries is null)
        {
            return null;
        }

        if (retries["perTryTimeout"] is not null || retries["retryRemoteLocalities"] is not null)
        {
            notModelled.Add(new NotModelled(source, $"http[{i}].retries.perTryTimeout/retryRemoteLocalities (stored, not applied)"));
        }

        return RetryPolicy.FromVirtualService(Int(retries["attempts"]) ?? 0, retries["retryOn"]?.ToString(), defaultAttempts);
    }

    internal static double Percent(JsonObject? fault) =>
        fault is null ? 0
        : fault["percentage"]?["value"] is { } v ? Number(v) ?? 100
        : fault["percent"] is { } p ? Number(p) ?? 100
        : 100;

    internal static int? Int(JsonNode? node) => Number(node) is double d ? (int)d : null;

    internal static double? Number(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.Number => node.GetValue<double>(),
        JsonValueKind.String when double.TryParse(node.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    internal static TimeSpan? Duration(JsonNode? node) =>
        node?.GetValueKind() == JsonValueKind.String && DurationParser.TryParse(node.GetValue<string>(), out var value) ? value : null;
}

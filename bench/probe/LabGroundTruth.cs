using System.Globalization;
using System.Text.Json.Nodes;

namespace DrillBot.Bench;

/// <summary>
/// The Lab's ground truth for a failover drill, read from <c>GET /lab/events</c>: the moment the last reviews
/// endpoint of the lost region left the sidecars' routing set (<c>endpoint-removed</c> after a scale-down,
/// <c>endpoint-ejected</c> when outlier detection throws it out). From then on no request can be routed to that
/// region. Shared by <c>bench/probe</c> and <c>bench/recovery-accuracy</c> so both judge against the same instant.
/// </summary>
internal static class LabGroundTruth
{
    /// <summary>Event time of the last endpoint of <paramref name="region"/>'s <paramref name="service"/> to leave the routing set within [from, to]; null when none did.</summary>
    public static DateTimeOffset? LastEndpointLeft(JsonArray events, string region, DateTimeOffset from, DateTimeOffset to, string ns = "default", string service = "reviews")
    {
        var prefix = $"Endpoint/{ns}/{service}/";
        var left = events.Select(e => e!)
            .Where(e => e["kind"]!.GetValue<string>() is "endpoint-removed" or "endpoint-ejected"
                && e["region"]?.GetValue<string>() == region
                && e["object"]!.GetValue<string>().StartsWith(prefix, StringComparison.Ordinal))
            .Select(Time)
            .Where(t => t >= from && t <= to)
            .ToList();
        return left.Count == 0 ? null : left.Max();
    }

    /// <summary>An event's <c>time</c> (ISO-8601 UTC, 7 fractional digits).</summary>
    public static DateTimeOffset Time(JsonNode e) =>
        DateTimeOffset.Parse(e["time"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}

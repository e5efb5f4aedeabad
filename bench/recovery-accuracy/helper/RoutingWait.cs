using System.Text.Json.Nodes;

namespace DrillBot.Bench.RecoveryAccuracy;

/// <summary>
/// Waits until a region's reviews endpoints are back in the Lab's routing set, so that each run starts from the
/// runbook's initial state (both regions serving) and the next scale-down really removes an endpoint.
/// </summary>
internal static class RoutingWait
{
    public static async Task<int> RunAsync(Uri events, string region, TimeSpan timeout)
    {
        using var http = new HttpClient();
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            var all = JsonNode.Parse(await http.GetStringAsync(events))!.AsArray();
            if (Routable(all, region))
            {
                return 0;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }

        Console.Error.WriteLine($"{region}: reviews endpoints not back in the routing set after {timeout.TotalSeconds:0} s");
        return 1;
    }

    /// <summary>The region's last reviews endpoint event put an endpoint back (or there was none: the initial state).</summary>
    public static bool Routable(JsonArray events, string region)
    {
        var last = events.Select(e => e!)
            .LastOrDefault(e => e["region"]?.GetValue<string>() == region
                && e["object"]!.GetValue<string>().StartsWith("Endpoint/default/reviews/", StringComparison.Ordinal));
        return last is null || last["kind"]!.GetValue<string>() is "endpoint-added" or "endpoint-returned";
    }
}

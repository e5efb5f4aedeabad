using System.Text.Json.Nodes;

namespace DrillBot.Lab.Mesh;

/// <summary>
/// The fault filter's <c>typed_config</c> (<c>envoy.extensions.filters.http.fault.v3.HTTPFault</c>) in proto-JSON:
/// <c>abort.http_status</c>, <c>abort.percentage</c> and <c>delay.fixed_delay</c>, <c>delay.percentage</c>, each
/// percentage an Envoy <c>FractionalPercent</c> (<c>numerator</c>, <c>denominator</c> HUNDRED | TEN_THOUSAND | MILLION).
/// Proto-JSON accepts the lowerCamel spellings too.
/// </summary>
internal static partial class EnvoyFilterParser
{
    private const string HttpFaultType = "type.googleapis.com/envoy.extensions.filters.http.fault.v3.HTTPFault";

    private static string? FaultConfig(JsonObject? config, out HttpFaultSpec? fault)
    {
        fault = null;
        if (config is null)
        {
            return "no typed_config";
        }

        if (config["@type"]?.ToString() != HttpFaultType)
        {
            return $"typed_config @type {config["@type"]} (only {HttpFaultType} is modelled)";
        }

        foreach (var restriction in new[] { "headers", "upstream_cluster", "upstreamCluster", "downstream_nodes", "downstreamNodes", "max_active_faults", "maxActiveFaults" })
        {
            if (config[restriction] is not null)
            {
                return $"typed_config.{restriction}";
            }
        }

        var abort = config["abort"] as JsonObject;
        var delay = config["delay"] as JsonObject;
        if (abort is null && delay is null)
        {
            return "typed_config has neither abort nor delay";
        }

        var status = VirtualServiceParser.Int(Field(abort, "http_status", "httpStatus"));
        if (abort is not null && status is null)
        {
            return "abort without http_status (grpc_status/header_abort)";
        }

        if (status is < 200 or >= 600)
        {
            return $"abort.http_status {status} (Envoy accepts 200-599)";
        }

        var fixedDelay = VirtualServiceParser.Duration(Field(delay, "fixed_delay", "fixedDelay"));
        if (delay is not null && fixedDelay is null)
        {
            return "delay without fixed_delay (header_delay)";
        }

        var abortPercent = Percentage(abort, out var abortWhy);
        var delayPercent = Percentage(delay, out var delayWhy);
        if ((abortWhy ?? delayWhy) is { } why)
        {
            return why;
        }

        fault = new HttpFaultSpec(status, abortPercent, fixedDelay, delayPercent);
        return fault.HasAbort || fault.HasDelay ? null : "percentage 0 (Envoy's FractionalPercent defaults to 0/100: the filter injects nothing)";
    }

    private static double Percentage(JsonObject? part, out string? why)
    {
        why = null;
        if (part?["percentage"] is not JsonObject fraction)
        {
            return 0;
        }

        var numerator = VirtualServiceParser.Number(fraction["numerator"]) ?? 0;
        var denominator = fraction["denominator"]?.ToString() switch
        {
            null or "HUNDRED" or "0" => 100.0,
            "TEN_THOUSAND" or "1" => 10_000.0,
            "MILLION" or "2" => 1_000_000.0,
            var other => double.NaN,
        };
        if (double.IsNaN(denominator))
        {
            why = $"percentage.denominator {fraction["denominator"]}";
            return 0;
        }

        // Envoy caps the fraction at 100 %.
        return Math.Min(100, 100 * numerator / denominator);
    }

    private static JsonNode? Field(JsonObject? obj, string snake, string camel) => obj?[snake] ?? obj?[camel];
}

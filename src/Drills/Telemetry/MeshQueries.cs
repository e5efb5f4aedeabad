using System.Globalization;

namespace DrillBot.Drills.Telemetry;

/// <summary>
/// The PromQL DrillBot asks, on Istio's standard metrics and the project's recording rules
/// (charts/drillbot/files/drillbot-alerts.yaml, group <c>drillbot-mesh</c>). Counts over a window are differences of the
/// counter at two instants (the <c>@</c> modifier); a series that appeared in between counts from zero.
/// </summary>
internal sealed class MeshQueries(PrometheusClient prometheus, TelemetryDefinition telemetry)
{
    /// <summary>The recording rule of every source workload's request rate.</summary>
    public const string RequestsRule = "drillbot:mesh_requests:rate1m";

    /// <summary>The recording rule of every source workload's 5xx rate (0, not absent, while it sends without errors).</summary>
    public const string ErrorsRule = "drillbot:mesh_errors:rate1m";

    public Uri Prometheus => prometheus.BaseUrl;

    /// <summary>The users' side: what the ingress gateway reported as source.</summary>
    private string Ingress(string extra = "") =>
        $"istio_requests_total{{reporter=\"source\",source_workload=\"{Esc(telemetry.IngressWorkload)}\",source_workload_namespace=\"{Esc(telemetry.IngressNamespace)}\"{extra}}}";

    /// <summary>2xx responses of <paramref name="service"/> per (source workload, source cluster, destination cluster) between the two instants.</summary>
    public async Task<IReadOnlyList<(string Workload, string SourceCluster, string DestinationCluster, long Responses)>> ResponsesAsync(
        string service, string ns, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var selector = $"istio_requests_total{{reporter=\"source\",destination_service_name=\"{Esc(service)}\",destination_service_namespace=\"{Esc(ns)}\",response_code=~\"2..\"}}";
        var query = $"sum by (source_workload, source_cluster, destination_cluster) ({Delta(selector, from, to)})";
        var samples = await prometheus.QueryAsync(query, to, cancellationToken).ConfigureAwait(false);
        return [.. samples.Select(s => (s.Label("source_workload"), s.Label("source_cluster"), s.Label("destination_cluster"), Count(s.Value)))];
    }

    /// <summary>(5xx, all) responses of the ingress gateway to users between the two instants.</summary>
    public async Task<(long Errors, long Requests)> UserErrorsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var errors = await prometheus.QueryAsync($"sum({Delta(Ingress(",response_code=~\"5..\""), from, to)})", to, cancellationToken).ConfigureAwait(false);
        var all = await prometheus.QueryAsync($"sum({Delta(Ingress(), from, to)})", to, cancellationToken).ConfigureAwait(false);
        return (errors.Count == 0 ? 0 : Count(errors[0].Value), all.Count == 0 ? 0 : Count(all[0].Value));
    }

    /// <summary>The users' 5xx ratio over time (a rate window of four scrapes), its highest point, or null without traffic.</summary>
    public async Task<(double Ratio, DateTimeOffset At)?> PeakErrorRatioAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var window = Range(telemetry.ScrapeInterval * 4);
        var query = $"sum(rate({Ingress(",response_code=~\"5..\"")}[{window}])) / sum(rate({Ingress()}[{window}]))";
        var series = await prometheus.QueryRangeAsync(query, from, to, telemetry.ScrapeInterval, cancellationToken).ConfigureAwait(false);
        var points = series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.Value)).ToList();
        if (points.Count == 0)
        {
            return null;
        }

        var peak = points.MaxBy(p => p.Value);
        return (peak.Value, peak.At);
    }

    /// <summary>The ingress gateway's average request and 5xx rates over <paramref name="window"/> from the recording rules, or null without data.</summary>
    public async Task<(double Requests, double Errors)?> SloRatesAsync(TimeSpan window, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var selector = $"{{source_workload=\"{Esc(telemetry.IngressWorkload)}\",source_workload_namespace=\"{Esc(telemetry.IngressNamespace)}\"}}";
        var requests = await prometheus.QueryAsync($"sum(avg_over_time({RequestsRule}{selector}[{Range(window)}]))", at, cancellationToken).ConfigureAwait(false);
        if (requests.Count == 0 || !double.IsFinite(requests[0].Value))
        {
            return null;
        }

        var errors = await prometheus.QueryAsync($"sum(avg_over_time({ErrorsRule}{selector}[{Range(window)}]))", at, cancellationToken).ConfigureAwait(false);
        return (requests[0].Value, errors.Count == 0 || !double.IsFinite(errors[0].Value) ? 0 : errors[0].Value);
    }

    /// <summary>
    /// The counter's growth between <paramref name="from"/> and <paramref name="to"/> per series: the value at the last scrape at or
    /// before each instant; a series absent at <paramref name="from"/> began after it and counts from zero.
    /// </summary>
    private static string Delta(string selector, DateTimeOffset from, DateTimeOffset to) =>
        $"clamp_min({selector} @ {PrometheusClient.Unix(to)} - {selector} @ {PrometheusClient.Unix(from)}, 0) or ({selector} @ {PrometheusClient.Unix(to)} * 1)";

    /// <summary>A PromQL duration in whole milliseconds (at least 1 ms).</summary>
    public static string Range(TimeSpan span) => Math.Max(1, (long)span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";

    private static long Count(double value) => double.IsFinite(value) ? (long)Math.Round(value) : 0;

    private static string Esc(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}

using System.Globalization;
using System.Text;

namespace DrillBot.Lab.Telemetry;

/// <summary>
/// Writes the series in the Prometheus text format (0.0.4) with Istio's label names
/// (https://istio.io/latest/docs/reference/config/metrics/), sorted so that two scrapes list series in the same order.
/// </summary>
internal static class IstioExposition
{
    private static readonly string[] Les = [.. IstioSeries.Buckets.Select(b => b.ToString(CultureInfo.InvariantCulture)), "+Inf"];

    public static byte[] Write(IReadOnlyDictionary<IstioSeriesKey, IstioSeries> series, string ns)
    {
        var rows = series.Select(kv => (Labels: Labels(kv.Key, ns), Value: kv.Value.Read())).OrderBy(r => r.Labels, StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        text.Append("# HELP istio_requests_total Requests handled by an Istio proxy (one per request at the source, one per attempt received at the destination).\n");
        text.Append("# TYPE istio_requests_total counter\n");
        foreach (var (labels, value) in rows)
        {
            text.Append("istio_requests_total{").Append(labels).Append("} ").Append(value.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        text.Append("# HELP istio_request_duration_milliseconds Duration of requests as the reporting proxy saw them.\n");
        text.Append("# TYPE istio_request_duration_milliseconds histogram\n");
        foreach (var (labels, value) in rows)
        {
            for (var i = 0; i < Les.Length; i++)
            {
                var count = i < value.Cumulative.Length ? value.Cumulative[i] : value.Count;
                text.Append("istio_request_duration_milliseconds_bucket{").Append(labels).Append(",le=\"").Append(Les[i]).Append("\"} ")
                    .Append(count.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }

            text.Append("istio_request_duration_milliseconds_sum{").Append(labels).Append("} ").Append(value.SumMs.ToString("0.###", CultureInfo.InvariantCulture)).Append('\n');
            text.Append("istio_request_duration_milliseconds_count{").Append(labels).Append("} ").Append(value.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Istio's standard labels for one series, in a fixed order.</summary>
    private static string Labels(IstioSeriesKey key, string ns)
    {
        var (s, d) = (key.Source, key.Destination);
        var labels = new StringBuilder();
        void Add(string name, string value)
        {
            if (labels.Length > 0)
            {
                labels.Append(',');
            }

            labels.Append(name).Append("=\"").Append(value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
                .Replace("\n", "\\n", StringComparison.Ordinal)).Append('"');
        }

        Add("reporter", key.Reporter);
        Add("source_workload", s.Workload);
        Add("source_workload_namespace", s.Namespace);
        Add("source_principal", s.Principal);
        Add("source_app", s.App);
        Add("source_version", s.Version);
        Add("source_canonical_service", s.CanonicalService);
        Add("source_canonical_revision", s.CanonicalRevision);
        Add("source_cluster", s.Cluster);
        Add("destination_workload", d.Workload);
        Add("destination_workload_namespace", d.Namespace);
        Add("destination_principal", d.Principal);
        Add("destination_app", d.App);
        Add("destination_version", d.Version);
        Add("destination_service", $"{key.Service}.{ns}.svc.cluster.local");
        Add("destination_service_name", key.Service);
        Add("destination_service_namespace", ns);
        Add("destination_canonical_service", d.CanonicalService);
        Add("destination_canonical_revision", d.CanonicalRevision);
        Add("destination_cluster", d.Cluster);
        Add("request_protocol", "http");
        Add("response_code", key.Code.ToString(CultureInfo.InvariantCulture));
        Add("grpc_response_status", "");
        Add("response_flags", key.Flags);
        Add("connection_security_policy", key.ByDestination ? "mutual_tls" : "unknown");
        return labels.ToString();
    }
}

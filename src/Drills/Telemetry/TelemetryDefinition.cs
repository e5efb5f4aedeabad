using DrillBot.Drills.Definitions;

namespace DrillBot.Drills.Telemetry;

/// <summary>
/// drills.yaml <c>telemetry:</c>: where the mesh's own metrics are (a Prometheus HTTP API with Istio's standard metrics)
/// and how to read them (docs/drills-yaml.md#telemetry).
/// </summary>
public sealed record TelemetryDefinition
{
    /// <summary>Istio's default scrape interval in its Prometheus add-on (samples/addons/prometheus.yaml).</summary>
    public static readonly TimeSpan DefaultScrapeInterval = TimeSpan.FromSeconds(15);

    /// <summary>Base URL of the Prometheus HTTP API (<c>/api/v1/query</c> is appended); null when the value is empty (no mesh checks).</summary>
    public Uri? Prometheus { get; init; }

    /// <summary>How often Prometheus scrapes the proxies: windows are aligned to it and the report waits one interval for the last scrape.</summary>
    public TimeSpan ScrapeInterval { get; init; } = DefaultScrapeInterval;

    /// <summary>Per query.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The ingress gateway's <c>source_workload</c>: what users reach (their errors are the user errors).</summary>
    public string IngressWorkload { get; init; } = "istio-ingressgateway";

    /// <summary>The ingress gateway's <c>source_workload_namespace</c>.</summary>
    public string IngressNamespace { get; init; } = "istio-system";

    /// <summary>
    /// Probe class → the <c>destination_cluster</c> values that mean it. Empty: each declared cluster with a <c>context</c> and a
    /// <c>region</c> maps its region (the class) to its context name (the Lab's cluster names).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Classes { get; init; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    public SourceLocation Location { get; init; } = SourceLocation.None;

    /// <summary>The class a <c>destination_cluster</c> value means, or null when no class maps it.</summary>
    public string? ClassOf(string destinationCluster) =>
        Classes.FirstOrDefault(kv => kv.Value.Contains(destinationCluster, StringComparer.Ordinal)).Key;
}

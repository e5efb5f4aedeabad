namespace DrillBot.Drills.Definitions;

/// <summary>
/// A server-side outage: an EnvoyFilter (networking.istio.io/v1alpha3) with a <c>workloadSelector</c> that puts
/// Envoy's HTTP fault filter into the inbound chain of the selected pods, so the pods themselves answer
/// <see cref="HttpStatus"/> (a real upstream 5xx that outlier detection counts). The EnvoyFilter is created by the
/// step and deleted by the restore (docs/drills-yaml.md#failworkload).
/// </summary>
public sealed record FailWorkloadStep : ObjectStepDefinition
{
    public override string Kind => "failWorkload";

    /// <summary>The EnvoyFilter's name; defaults to <c>drillbot-fail-{app}-{version}</c> (or the label values joined).</summary>
    public required string Name { get; init; }

    /// <summary>The pod labels the EnvoyFilter's <c>workloadSelector.labels</c> selects (e.g. app=reviews, version=v1).</summary>
    public required IReadOnlyDictionary<string, string> Workload { get; init; }

    public int HttpStatus { get; init; } = 503;

    /// <summary>Share of requests aborted, in percent (0 &lt; p ≤ 100).</summary>
    public double Percentage { get; init; } = 100;
}

namespace DrillBot.Lab.Mesh;

/// <summary>
/// An <c>envoy.filters.http.fault</c> that an EnvoyFilter puts into the inbound HTTP chain of the pods its
/// <c>workloadSelector</c> selects: those pods' sidecars answer the abort themselves, so their callers see
/// a real upstream 5xx (counted by outlier detection, retried by the caller's retry policy).
/// </summary>
/// <param name="Source">The EnvoyFilter, e.g. <c>EnvoyFilter/default/reviews-v1-abort</c>.</param>
/// <param name="Namespace">The EnvoyFilter's namespace; the root namespace (istio-system) applies mesh-wide.</param>
/// <param name="Selector">workloadSelector.labels; empty selects every workload of the namespace.</param>
/// <param name="Fault">The fault filter's abort/delay.</param>
internal sealed record ServerFault(string Source, string Namespace, IReadOnlyDictionary<string, string> Selector, HttpFaultSpec Fault)
{
    public const string RootNamespace = "istio-system";

    /// <summary>Whether a pod with these labels in <paramref name="podNamespace"/> runs this filter.</summary>
    public bool Selects(string podNamespace, string app, string version) =>
        (Namespace == RootNamespace || Namespace == podNamespace)
        && Selector.All(l => l.Key switch
        {
            "app" => l.Value == app,
            "version" => l.Value == version,
            _ => false,
        });
}

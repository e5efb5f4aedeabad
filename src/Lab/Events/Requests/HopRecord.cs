namespace DrillBot.Lab;

/// <summary>
/// One attempt of one hop as the calling proxy logged it (the Lab's equivalent of an Envoy access-log line).
/// </summary>
/// <param name="Source">The calling pod, e.g. <c>productpage-v1-…</c>, or <c>istio-ingressgateway</c> for the gateway's hop to productpage.</param>
/// <param name="Destination">The pod that answered, or null when no endpoint was involved (fault FI, UH, NC).</param>
/// <param name="Cluster">Envoy's upstream cluster, e.g. <c>outbound|9080|v1|reviews.default.svc.cluster.local</c>.</param>
/// <param name="Call">productpage's own try (Bookinfo calls reviews up to twice); 1 for the gateway's hop.</param>
/// <param name="Attempt">The proxy's attempt within that call (1 = first try, 2.. = Envoy retries).</param>
/// <param name="Status">The HTTP status of the attempt; 0 when there was no response (connection refused, timed out).</param>
/// <param name="Flag">Envoy response flag: <c>-</c>, <c>FI</c> (fault abort injected here), <c>DI</c> (delay injected),
/// <c>UF</c> (upstream connection failure), <c>UH</c> (no healthy upstream), <c>NC</c> (no cluster), <c>URX</c>
/// (retry limit reached), <c>DC</c> (productpage's 3 s client timeout fired and it closed the request).</param>
/// <param name="InjectedBy">Where a fault acted: <c>caller</c> (this sidecar), <c>server</c> (the destination's inbound sidecar), or null.</param>
public sealed record HopRecord(string Source, string? Destination, string Cluster, int Call, int Attempt, int Status, string Flag, string? InjectedBy)
{
    /// <summary>How long the attempt took on the Lab's clock (injected delays included; the Lab answers at once otherwise).</summary>
    public TimeSpan Duration { get; init; }
}

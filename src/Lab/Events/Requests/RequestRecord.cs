namespace DrillBot.Lab;

/// <summary>One request through an ingress gateway and its hops, as <c>GET /lab/requests</c> lists them.</summary>
/// <param name="Id">Sequence number since the Lab started (1-based).</param>
/// <param name="Time">When the request reached the gateway (Lab clock).</param>
/// <param name="Status">The HTTP status the user got.</param>
/// <param name="ReviewsServedBy">The reviews pod whose answer is on the page, or null (the "unavailable" page, or no productpage).</param>
/// <param name="Hops">Every attempt of productpage's calls to reviews, in order.</param>
public sealed record RequestRecord(long Id, DateTimeOffset Time, int Status, string? ReviewsServedBy, IReadOnlyList<HopRecord> Hops)
{
    /// <summary>
    /// The entry point: the context whose ingress gateway took the request (e.g. <c>ack-shanghai</c>; each region has its own
    /// gateway, named by the <c>x-lab-ingress</c> response header too).
    /// </summary>
    public string Entry { get; init; } = "";

    /// <summary>The path requested: <c>/productpage</c> or Bookinfo's API <c>/api/v1/products/{id}/reviews</c>.</summary>
    public string Path { get; init; } = "/productpage";

    /// <summary>The productpage pod that served it, or null when the gateway found none.</summary>
    public string? Productpage { get; init; }

    /// <summary>The gateway's attempts at productpage (a stopped pod still in EDS refuses and is retried), in order.</summary>
    public IReadOnlyList<HopRecord> IngressHops { get; init; } = [];

    /// <summary>Arrival at the gateway to the answer (Lab clock).</summary>
    public TimeSpan Duration { get; init; }
}

namespace DrillBot.Lab;

/// <summary>One <c>/productpage</c> request's reviews hops, as <c>GET /lab/requests</c> lists them.</summary>
/// <param name="Id">Sequence number since the Lab started (1-based).</param>
/// <param name="Time">When the request reached productpage (Lab clock).</param>
/// <param name="Status">The HTTP status the user got.</param>
/// <param name="ReviewsServedBy">The reviews pod whose answer is on the page, or null (the "unavailable" page).</param>
/// <param name="Hops">Every attempt, in order.</param>
public sealed record RequestRecord(long Id, DateTimeOffset Time, int Status, string? ReviewsServedBy, IReadOnlyList<HopRecord> Hops)
{
    /// <summary>The context whose ingress gateway took the request (e.g. <c>ack-shanghai</c>).</summary>
    public string? Ingress { get; init; }
}

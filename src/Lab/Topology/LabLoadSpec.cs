namespace DrillBot.Lab;

/// <summary>
/// Background users: requests per second sent to one entry point (an ingress gateway), spread over <see cref="Paths"/>
/// in turn. They arrive at random (a Poisson process at <see cref="Rate"/>) whatever the answers, so an outage does
/// not lower the load. They stand in for real users:
/// the mesh's metrics count them like any request, the probe does not see them.
/// </summary>
/// <param name="Rate">Requests per second (0 = none).</param>
public sealed record LabLoadSpec(double Rate)
{
    /// <summary>
    /// The context whose ingress gateway the users reach (any of the topology's <see cref="LabTopology.Ingresses"/>: each region
    /// has its own gateway); null = the primary gateway, <see cref="LabTopology.IngressContext"/>.
    /// </summary>
    public string? Entry { get; init; }

    /// <summary>The paths requested in turn: <c>/productpage</c> (the page: always 200) and Bookinfo's API <c>/api/v1/products/0/reviews</c> (5xx when reviews fails).</summary>
    public IReadOnlyList<string> Paths { get; init; } = ["/productpage"];

    /// <summary>Requests in flight at once (more are not sent and counted as skipped).</summary>
    public int MaxInFlight { get; init; } = 64;
}

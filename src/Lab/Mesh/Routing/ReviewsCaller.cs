using DrillBot.Lab.State;

namespace DrillBot.Lab.Mesh;

/// <summary>
/// productpage calling reviews as Bookinfo's productpage.py does (<c>getProductReviews</c>: up to two tries,
/// each with a 3 s client timeout), every try going through productpage's sidecar (<see cref="OutboundSidecar"/>:
/// VirtualService fault, subset cluster, Istio retries). Records each request's hops in the Lab's request log.
/// Completes synchronously unless a delay or back-off is configured.
/// </summary>
internal sealed class ReviewsCaller(LabWorld world)
{
    /// <summary>productpage.py: <c>for _ in range(2)</c> around the reviews request.</summary>
    public const int ProductpageTries = 2;

    /// <summary>productpage.py: <c>timeout=3.0</c> on each reviews request.</summary>
    public static readonly TimeSpan ProductpageTimeout = TimeSpan.FromSeconds(3);

    private readonly OutboundSidecar _sidecar = new(world);

    /// <param name="productpage">The productpage pod the ingress picked: its sidecar balances from its own locality.</param>
    /// <param name="ingress">The context of the ingress gateway that took the request (recorded with it).</param>
    public async ValueTask<ReviewsCall> CallAsync(RoutingSnapshot snapshot, ReviewsHost productpage, CancellationToken cancellationToken, string? ingress = null)
    {
        var started = world.Time.GetUtcNow();
        var id = world.Requests.NextId();
        var hops = new List<HopRecord>(2);
        var source = new SidecarSource(productpage.Name, productpage.Pod.Context.Index);
        ReviewsHost? served = null;
        for (var call = 1; call <= ProductpageTries && served is null; call++)
        {
            if (call > 1)
            {
                snapshot = world.Current(world.Time.GetUtcNow());
            }

            served = await _sidecar.SendAsync(snapshot, source, call, world.Time.GetUtcNow() + ProductpageTimeout, hops, cancellationToken)
                .ConfigureAwait(false);
        }

        world.Requests.Add(new RequestRecord(id, started, 200, served?.Name, hops) { Ingress = ingress });
        return new ReviewsCall(served, hops.Count);
    }
}

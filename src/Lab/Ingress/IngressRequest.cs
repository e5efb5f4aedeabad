using DrillBot.Lab.Mesh;
using DrillBot.Lab.State;

namespace DrillBot.Lab.Ingress;

/// <summary>
/// One request through the gateway, from arrival to its record in the Lab's request log (the source of truth of
/// <c>/lab/requests</c> and of the mesh's Istio metrics, <see cref="LabWorld.RecordRequest"/>).
/// </summary>
internal sealed class IngressRequest(LabWorld world, string entry, string path)
{
    private readonly long _id = world.Requests.NextId();
    private readonly DateTimeOffset _time = world.Time.GetUtcNow();
    private readonly long _started = world.Time.GetTimestamp();

    /// <summary>The gateway's attempts at productpage so far.</summary>
    public List<HopRecord> Attempts { get; } = new(1);

    /// <summary>The gateway answered 503 itself: no productpage took the request.</summary>
    public void Failed() => Record(503, null, null, null);

    /// <summary>productpage answered <paramref name="status"/> after calling reviews (<paramref name="call"/>).</summary>
    public void Served(ReviewsHost productpage, int status, ReviewsCall call)
    {
        var elapsed = world.Time.GetElapsedTime(_started);
        Attempts.Add(new HopRecord(IngressGateway.Workload, productpage.Name, UpstreamCluster.ClusterName("productpage", null, world.Namespace),
            1, Attempts.Count + 1, status, "-", null) { Duration = elapsed });
        Record(status, productpage.Name, call.Host?.Name, call.Hops, elapsed);
    }

    private void Record(int status, string? productpage, string? reviews, IReadOnlyList<HopRecord>? hops, TimeSpan? elapsed = null) =>
        world.RecordRequest(new RequestRecord(_id, _time, status, reviews, hops ?? [])
        {
            Entry = entry,
            Path = path,
            Productpage = productpage,
            IngressHops = Attempts,
            Duration = elapsed ?? world.Time.GetElapsedTime(_started),
        });
}

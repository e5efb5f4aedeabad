using DrillBot.Lab.State;

namespace DrillBot.Lab.Mesh;

/// <summary>
/// productpage's sidecar sending one reviews request. In Envoy's order: the HTTP fault filter (a VirtualService
/// <c>fault</c>) acts first, before the router picks a cluster or an endpoint — an abort is answered here
/// (flag FI), is never retried, reaches no endpoint and feeds no outlier detector. Then the router picks the
/// route's destination cluster (a subset pins the endpoints) and runs the retry policy (Istio's default or
/// the route's <c>retries</c>) with the previous_hosts predicate; each attempt's result feeds outlier detection.
/// </summary>
internal sealed partial class OutboundSidecar(LabWorld world)
{
    /// <summary>One try of productpage's; returns the host that answered 200, or null.</summary>
    public async ValueTask<ReviewsHost?> SendAsync(RoutingSnapshot snapshot, SidecarSource source, int call, DateTimeOffset deadline,
        List<HopRecord> hops, CancellationToken cancellationToken)
    {
        var route = snapshot.Route;
        var subset = route is { Destinations.Count: > 0 } ? PickDestination(route.Destinations) : null;
        var clusterName = UpstreamCluster.ClusterName(subset, world.Namespace);
        var started = world.Time.GetTimestamp();
        string? delayFlag = null;
        if (route?.Fault is { } fault)
        {
            if (fault.HasDelay && Hit(fault.DelayPercent))
            {
                delayFlag = "DI";
                if (!await DelayAsync(fault.Delay!.Value, deadline, cancellationToken).ConfigureAwait(false))
                {
                    hops.Add(new HopRecord(source.Pod, null, clusterName, call, 1, 0, "DI,DC", "caller") { Duration = Since(started) });
                    return null;
                }

                // The route (and its subset) was chosen when the request arrived; the router picks the endpoint
                // after the delay, from the routing set as it is then (an endpoint that left EDS meanwhile is gone).
                snapshot = world.Current(world.Time.GetUtcNow());
            }

            if (fault.HasAbort && Hit(fault.AbortPercent))
            {
                hops.Add(new HopRecord(source.Pod, null, clusterName, call, 1, fault.AbortStatus!.Value, delayFlag is null ? "FI" : "DI,FI", "caller") { Duration = Since(started) });
                MarkFault(snapshot, route.Source + "|caller", world.Contexts[source.Context], route.Source,
                    $"abort {fault.AbortStatus} injected by the caller's sidecar ({source} -> {clusterName}, flag FI): no reviews endpoint received the request");
                return null;
            }
        }

        if (Cluster(snapshot, source, subset) is not { } cluster)
        {
            hops.Add(new HopRecord(source.Pod, null, clusterName, call, 1, 503, "NC", null) { Duration = Since(started) });
            return null;
        }

        var policy = route?.Retries ?? RetryPolicy.Default(world.Topology.Mesh.RetryAttempts);
        return await AttemptsAsync(new Routed(snapshot, cluster), subset, policy, source, call, deadline, (delayFlag, started), hops, cancellationToken).ConfigureAwait(false);
    }

    // The calling productpage's own view: locality priorities relative to its context (docs/lab.md, Fidelity).
    private static UpstreamCluster? Cluster(RoutingSnapshot snapshot, SidecarSource source, string? subset) =>
        snapshot.ClusterFor(source.Context, subset);

    private string? PickDestination(IReadOnlyList<RouteDestination> destinations)
    {
        if (destinations.Count == 1)
        {
            return destinations[0].Subset;
        }

        var total = destinations.Sum(d => d.Weight);
        var u = world.HotRandom.NextDouble() * total;
        foreach (var d in destinations)
        {
            u -= d.Weight;
            if (u < 0)
            {
                return d.Subset;
            }
        }

        return destinations[^1].Subset;
    }

    /// <summary>Waits <paramref name="delay"/> of Lab time, or until productpage's timeout; false when the timeout came first.</summary>
    private async ValueTask<bool> DelayAsync(TimeSpan delay, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var remaining = deadline - world.Time.GetUtcNow();
        if (delay < remaining)
        {
            await Task.Delay(delay, world.Time, cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining, world.Time, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    private void MarkFault(RoutingSnapshot snapshot, string key, ContextState context, string obj, string detail)
    {
        if (snapshot.Epoch.TryMarkFault(key))
        {
            world.Record(world.Time.GetUtcNow(), LabEventKinds.FaultInjected, context, obj, detail);
        }
    }

    /// <summary>Time on the Lab's clock since <paramref name="timestamp"/> (a hop's <see cref="HopRecord.Duration"/>).</summary>
    private TimeSpan Since(long timestamp) => world.Time.GetElapsedTime(timestamp);

    private bool Hit(double percent) => percent >= 100 || (percent > 0 && world.HotRandom.NextDouble() * 100 < percent);
}

namespace DrillBot.Lab.Mesh;

/// <summary>The router's attempts: pick (previous_hosts), the endpoint's answer, outlier detection, retry or not.</summary>
internal sealed partial class OutboundSidecar
{
    private const int ConnectionRefused = 0;

    private async ValueTask<ReviewsHost?> AttemptsAsync(Routed routed, string? subset, RetryPolicy policy, SidecarSource source, int call,
        DateTimeOffset deadline, (string? Flag, long Started) delay, List<HopRecord> hops, CancellationToken cancellationToken)
    {
        var delayFlag = delay.Flag;
        ReviewsHost? previous1 = null;
        ReviewsHost? previous2 = null;
        var last = 1 + policy.Attempts;
        for (var attempt = 1; attempt <= last; attempt++)
        {
            var injected = attempt == 1 ? delayFlag : null;
            var started = attempt == 1 ? delay.Started : world.Time.GetTimestamp();
            if (attempt > 1 && world.Topology.Mesh.RetryBackoff > TimeSpan.Zero)
            {
                // Envoy's fully jittered exponential back-off: uniform in [0, base * (2^(n-1) - 1)].
                var window = world.Topology.Mesh.RetryBackoff.TotalMilliseconds * ((1 << (attempt - 1)) - 1);
                if (!await DelayAsync(TimeSpan.FromMilliseconds(world.HotRandom.NextDouble() * window), deadline, cancellationToken).ConfigureAwait(false))
                {
                    hops.Add(new HopRecord(source.Pod, null, routed.Cluster.Name, call, attempt, 0, "DC", null) { Duration = Since(started) });
                    return null;
                }

                routed = routed.Refresh(world.Current(world.Time.GetUtcNow()), source, subset);
            }

            var cluster = routed.Cluster;
            var host = cluster.Pick(world.HotRandom, previous1, previous2);
            if (host is null)
            {
                hops.Add(new HopRecord(source.Pod, null, cluster.Name, call, attempt, 503, Flags(injected, "UH"), null) { Duration = Since(started) });
                return null;
            }

            var (status, injectedBy, timedOut) = await AnswerAsync(host, deadline, cancellationToken).ConfigureAwait(false);
            if (timedOut)
            {
                hops.Add(new HopRecord(source.Pod, host.Name, cluster.Name, call, attempt, 0, Flags(injected, "DC"), injectedBy) { Duration = Since(started) });
                return null;
            }

            var now = world.Time.GetUtcNow();
            if (status is ConnectionRefused or >= 500)
            {
                world.RecordFailure(host, cluster, now);
            }
            else
            {
                host.Health.RecordSuccess();
            }

            var retriable = status != 200 && policy.Retries(status);
            var flag = status == ConnectionRefused ? "UF" : "-";
            if (retriable && attempt == last && policy.Attempts > 0)
            {
                flag = flag == "-" ? "URX" : flag + ",URX";
            }

            hops.Add(new HopRecord(source.Pod, host.Name, cluster.Name, call, attempt, status, Flags(injected, flag), injectedBy) { Duration = Since(started) });
            if (status == 200)
            {
                return Succeeded(host, routed.Snapshot.Epoch, now);
            }

            if (!retriable)
            {
                return null;
            }

            previous2 = previous1;
            previous1 = host;
            routed = routed.Refresh(world.Current(now), source, subset);
        }

        return null;
    }

    /// <summary>The endpoint's answer: refused when stopped; its inbound EnvoyFilter fault; 503 when its region fails; else 200.</summary>
    private async ValueTask<(int Status, string? InjectedBy, bool TimedOut)> AnswerAsync(ReviewsHost host, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        if (!host.Serving)
        {
            return (ConnectionRefused, null, false);
        }

        if (host.InboundFault is { } inbound)
        {
            var fault = inbound.Fault;
            if (fault.HasDelay && Hit(fault.DelayPercent)
                && !await DelayAsync(fault.Delay!.Value, deadline, cancellationToken).ConfigureAwait(false))
            {
                return (0, "server", true);
            }

            if (fault.HasAbort && Hit(fault.AbortPercent))
            {
                MarkFault(world.Current(world.Time.GetUtcNow()), inbound.Source + "|" + host.Name, host.Pod.Context, inbound.Source,
                    $"abort {fault.AbortStatus} answered by {host.Name}'s inbound sidecar: its callers see an upstream {fault.AbortStatus}");
                return (fault.AbortStatus!.Value, "server", false);
            }
        }

        return (host.Failing ? 503 : 200, null, false);
    }

    /// <summary>Envoy's response-flag list: a caller-side delay (DI) plus the attempt's own flag; "-" when none.</summary>
    private static string Flags(string? injected, string flag) =>
        injected is null ? flag : flag == "-" ? injected : injected + "," + flag;

    /// <summary>
    /// A 200: the first of its region in the routing epoch the host was picked in (a request routed before a routing
    /// change and answered after it belongs to the old epoch, as a request in flight when EDS removes its endpoint does).
    /// </summary>
    private ReviewsHost Succeeded(ReviewsHost host, RoutingEpoch routedIn, DateTimeOffset now)
    {
        if (routedIn.TryMarkFirst(host.RegionIndex))
        {
            world.Record(now, LabEventKinds.FirstResponse, host.Pod.Context, $"Region/{host.Region}", $"version={host.Version} pod={host.Name}");
        }

        return host;
    }

    /// <summary>The cluster an attempt picks from and the routing snapshot it came from (whose epoch the answer belongs to).</summary>
    private readonly record struct Routed(RoutingSnapshot Snapshot, UpstreamCluster Cluster)
    {
        /// <summary>The cluster in <paramref name="next"/>; unchanged (with its own snapshot) when <paramref name="next"/> lacks the subset.</summary>
        public Routed Refresh(RoutingSnapshot next, SidecarSource source, string? subset) =>
            OutboundSidecar.Cluster(next, source, subset) is { } cluster ? new Routed(next, cluster) : this;
    }
}

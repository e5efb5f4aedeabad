using DrillBot.Lab.State;

namespace DrillBot.Lab.Mesh;

/// <summary>
/// productpage's sidecar calling reviews: picks a host by the snapshot's plan, applies the endpoint's
/// behaviour (stopped → connection refused, fault delay/abort, failing region → 503), feeds outlier
/// detection, and retries connect-failures and 503s on another host like Istio's default retry policy.
/// Completes synchronously unless a delay is configured.
/// </summary>
internal sealed class ReviewsCaller(LabWorld world)
{
    private const int ConnectFailure = -1;

    /// <param name="source">Context index of the calling productpage: its sidecar balances from its own locality.</param>
    public ValueTask<ReviewsCall> CallAsync(RoutingSnapshot snapshot, int source, CancellationToken cancellationToken)
    {
        var attempts = 1 + world.Topology.Mesh.RetryAttempts;
        ReviewsHost? previous1 = null;
        ReviewsHost? previous2 = null;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            if (attempt > 1 && world.Topology.Mesh.RetryBackoff > TimeSpan.Zero)
            {
                return CallSlowAsync(snapshot, source, attempt, previous1, previous2, cancellationToken);
            }

            var host = snapshot.Pick(source, world.HotRandom, previous1, previous2);
            if (host is null)
            {
                return new(new ReviewsCall(null, attempt));
            }

            if (host.Fault?.Delay is { } delay && delay > TimeSpan.Zero && Hit(host.Fault.DelayPercent))
            {
                return CallSlowAsync(snapshot, source, attempt, previous1, previous2, cancellationToken, (host, delay));
            }

            var status = Answer(host);
            if (status == 200)
            {
                return new(Succeeded(host, attempt));
            }

            snapshot = Failed(host, status);
            if (!Retriable(status))
            {
                return new(new ReviewsCall(null, attempt));
            }

            previous2 = previous1;
            previous1 = host;
        }

        return new(new ReviewsCall(null, attempts));
    }

    private async ValueTask<ReviewsCall> CallSlowAsync(RoutingSnapshot snapshot, int source, int firstAttempt, ReviewsHost? previous1,
        ReviewsHost? previous2, CancellationToken cancellationToken, (ReviewsHost Host, TimeSpan Delay)? delayed = null)
    {
        var attempts = 1 + world.Topology.Mesh.RetryAttempts;
        for (var attempt = firstAttempt; attempt <= attempts; attempt++)
        {
            ReviewsHost? host;
            if (delayed is { } d && attempt == firstAttempt)
            {
                host = d.Host;
                await Task.Delay(d.Delay, world.Time, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                if (attempt > 1 && world.Topology.Mesh.RetryBackoff > TimeSpan.Zero)
                {
                    // Envoy's fully jittered exponential back-off: uniform in [0, base * (2^(n-1) - 1)], at least base.
                    var window = world.Topology.Mesh.RetryBackoff.TotalMilliseconds * ((1 << (attempt - 1)) - 1);
                    var pause = TimeSpan.FromMilliseconds(world.HotRandom.NextDouble() * window);
                    await Task.Delay(pause, world.Time, cancellationToken).ConfigureAwait(false);
                }

                host = world.Current(world.Time.GetUtcNow()).Pick(source, world.HotRandom, previous1, previous2);
                if (host is null)
                {
                    return new ReviewsCall(null, attempt);
                }

                if (host.Fault?.Delay is { } delay && delay > TimeSpan.Zero && Hit(host.Fault.DelayPercent))
                {
                    await Task.Delay(delay, world.Time, cancellationToken).ConfigureAwait(false);
                }
            }

            var status = Answer(host);
            if (status == 200)
            {
                return Succeeded(host, attempt);
            }

            snapshot = Failed(host, status);
            if (!Retriable(status))
            {
                return new ReviewsCall(null, attempt);
            }

            previous2 = previous1;
            previous1 = host;
        }

        _ = snapshot;
        return new ReviewsCall(null, attempts);
    }

    private int Answer(ReviewsHost host)
    {
        if (!host.Serving)
        {
            return ConnectFailure;
        }

        if (host.Fault?.AbortStatus is { } abort && Hit(host.Fault.AbortPercent))
        {
            return abort;
        }

        return host.Failing ? 503 : 200;
    }

    private ReviewsCall Succeeded(ReviewsHost host, int attempt)
    {
        host.Health.RecordSuccess();
        var now = world.Time.GetUtcNow();
        if (world.Current(now).Epoch.TryMarkFirst(host.RegionIndex))
        {
            world.Record(now, LabEventKinds.FirstResponse, host.Pod.Context, $"Region/{host.Region}", $"version={host.Version} pod={host.Name}");
        }

        return new ReviewsCall(host, attempt);
    }

    private RoutingSnapshot Failed(ReviewsHost host, int status)
    {
        var now = world.Time.GetUtcNow();
        if (status == ConnectFailure || status >= 500)
        {
            world.RecordFailure(host, now);
        }
        else
        {
            host.Health.RecordSuccess();
        }

        return world.Current(now);
    }

    private static bool Retriable(int status) => status is ConnectFailure or 503;

    private bool Hit(double percent) => percent >= 100 || (percent > 0 && world.HotRandom.NextDouble() * 100 < percent);
}

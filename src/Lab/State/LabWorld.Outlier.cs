using DrillBot.Lab.Mesh;

namespace DrillBot.Lab.State;

/// <summary>
/// Outlier detection (Envoy's consecutive-5xx detector) on the world state. The max-ejection check counts the
/// hosts of the cluster the failing request went through (all localities): Envoy 1.28+ ejects only while
/// (ejected + 1) / hosts ≤ maxEjectionPercent (or the first host with <c>always_eject_one_host</c>); before
/// 1.28 the first host could always go (topology <c>envoy: legacy-ejection</c>).
/// </summary>
internal sealed partial class LabWorld
{
    /// <summary>A failed attempt on <paramref name="host"/>: counts it, and ejects when the threshold is reached.</summary>
    public void RecordFailure(ReviewsHost host, UpstreamCluster cluster, DateTimeOffset now)
    {
        var settings = Latest.Outlier;
        if (settings is null || settings.Consecutive5xxErrors <= 0)
        {
            return;
        }

        if (host.Health.RecordError() < settings.Consecutive5xxErrors || host.Health.Ejected)
        {
            return;
        }

        lock (Gate)
        {
            Begin(now);
            TryEject(host.Pod, cluster, settings, now);
        }
    }

    private void TryEject(PodRecord pod, UpstreamCluster cluster, OutlierSettings settings, DateTimeOffset now)
    {
        var health = pod.Health;
        if (health.Ejected || !pod.InRoutingSet || Policy.Outlier != settings)
        {
            return;
        }

        var hosts = cluster.Hosts.Count;
        var ejected = cluster.Hosts.Count(h => h.Pod.Health.Ejected);
        if (!EjectionAllowed(ejected, hosts, settings.MaxEjectionPercent))
        {
            return;
        }

        // The ejection multiplier decays by one for every interval the host spent back in service.
        var decayed = health.ReturnedAt is { } back && settings.Interval > TimeSpan.Zero
            ? (int)((now - back).Ticks / settings.Interval.Ticks)
            : 0;
        health.EjectionCount = Math.Max(0, health.EjectionCount - decayed) + 1;
        health.Ejected = true;
        health.ResetErrors();
        var token = ++health.EjectionToken;
        var duration = TimeSpan.FromTicks(Math.Min(settings.BaseEjectionTime.Ticks * health.EjectionCount, OutlierSettings.MaxEjectionTime.Ticks));
        Record(now, LabEventKinds.EndpointEjected, pod.Context, pod.EndpointObject(Namespace),
            $"consecutive5xxErrors={settings.Consecutive5xxErrors} ejections={health.EjectionCount} for={duration.TotalSeconds:0.###}s "
            + $"cluster={cluster.Name} hosts={hosts} ejectedBefore={ejected} maxEjectionPercent={settings.MaxEjectionPercent}");
        _routingChanged = true;
        Scheduler.Schedule(now + duration, at => Return(pod, token, at));
        Publish(now);
    }

    /// <summary>Envoy's max-ejection rule for the configured proxy version.</summary>
    internal bool EjectionAllowed(int ejected, int hosts, int maxEjectionPercent)
    {
        if (hosts == 0)
        {
            return false;
        }

        return Topology.Envoy == LabEnvoyEjection.LegacyEjection
            ? ejected == 0 || 100.0 * ejected / hosts < maxEjectionPercent
            : 100.0 * (ejected + 1) / hosts <= maxEjectionPercent || (Topology.Mesh.AlwaysEjectOneHost && ejected == 0);
    }

    private void Return(PodRecord pod, long token, DateTimeOffset at)
    {
        if (!pod.Health.Ejected || pod.Health.EjectionToken != token)
        {
            return;
        }

        pod.Health.Ejected = false;
        pod.Health.ReturnedAt = at;
        if (pod.InRoutingSet)
        {
            Record(at, LabEventKinds.EndpointReturned, pod.Context, pod.EndpointObject(Namespace), null);
        }

        _routingChanged = true;
    }

    /// <summary>A new cluster config replaces Envoy's outlier detector: every ejection ends now.</summary>
    private void ResetOutlierDetection(DateTimeOffset now)
    {
        foreach (var pod in Pods.Routable)
        {
            pod.Health.ResetErrors();
            pod.Health.EjectionCount = 0;
            if (pod.Health.Ejected)
            {
                pod.Health.Ejected = false;
                pod.Health.ReturnedAt = now;
                pod.Health.EjectionToken++;
                Record(now, LabEventKinds.EndpointReturned, pod.Context, pod.EndpointObject(Namespace), "outlier detection reset by a DestinationRule change");
            }
        }
    }
}

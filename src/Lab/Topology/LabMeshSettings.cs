namespace DrillBot.Lab;

/// <summary>Envoy/Istio defaults the emulated sidecars apply.</summary>
public sealed record LabMeshSettings
{
    /// <summary>Retries after a failed attempt (Istio default: 2, on connect-failure and 503, to another host).</summary>
    public int RetryAttempts { get; init; } = 2;

    /// <summary>Pause before each retry (Envoy: ~25 ms jittered). Zero by default so the Lab never adds latency.</summary>
    public TimeSpan RetryBackoff { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// Envoy's <c>outlier_detection.always_eject_one_host</c> (eject one host even when maxEjectionPercent
    /// forbids it). Istio's DestinationRule cannot set it; the Lab offers it only as this knob.
    /// </summary>
    public bool AlwaysEjectOneHost { get; init; }

    /// <summary>Whether locality load balancing is on mesh-wide (Istio's default) when a DestinationRule does not say.</summary>
    public bool LocalityLbEnabledByDefault { get; init; } = true;
}

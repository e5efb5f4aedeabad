namespace DrillBot.Lab;

/// <summary>How long the emulated pods and the mesh take to react. Realistic but short defaults.</summary>
public sealed record LabTiming
{
    /// <summary>From pod creation (scale-up) to the pod being ready.</summary>
    public TimeSpan PodStartDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>From scale-down (pod terminating) until the pod stops serving (connections refused).</summary>
    public TimeSpan PodStopDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>From a readiness change until the endpoint enters or leaves the sidecars' routing set (EDS push).</summary>
    public TimeSpan EndpointPropagationDelay { get; init; } = TimeSpan.FromMilliseconds(300);
}

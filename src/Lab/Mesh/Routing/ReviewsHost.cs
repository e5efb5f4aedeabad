namespace DrillBot.Lab.Mesh;

/// <summary>A reviews endpoint as the sidecars see it in one routing snapshot (immutable but for shared health counters).</summary>
internal sealed class ReviewsHost(PodRecord pod, int regionIndex, bool failing, ServerFault? fault, byte[] page)
{
    public PodRecord Pod { get; } = pod;

    public string Name => Pod.Name;

    public string? Region => Pod.Context.Region;

    public string? Zone => Pod.Context.Zone;

    public string Version => Pod.Version;

    public int RegionIndex { get; } = regionIndex;

    /// <summary>Accepts connections (captured at snapshot time; stopping a pod publishes a new snapshot).</summary>
    public bool Serving { get; } = pod.Serving;

    public bool Ejected { get; } = pod.Health.Ejected;

    /// <summary>The region is broken (<see cref="LabControl.SetRegionFailing"/>): answers 503.</summary>
    public bool Failing { get; } = failing;

    /// <summary>An EnvoyFilter fault in this pod's inbound sidecar: the pod itself answers the abort.</summary>
    public ServerFault? InboundFault { get; } = fault;

    /// <summary>The productpage HTML when this host serves the reviews.</summary>
    public byte[] Page { get; } = page;

    public HostHealth Health => Pod.Health;
}

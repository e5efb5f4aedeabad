namespace DrillBot.Lab;

/// <summary>The kinds of <see cref="LabEvent"/> (exact strings, part of the Lab's contract).</summary>
public static class LabEventKinds
{
    /// <summary>A Deployment's spec.replicas changed; detail <c>replicas=N</c>.</summary>
    public const string ScaleApplied = "scale-applied";

    /// <summary>A pod became ready.</summary>
    public const string PodReady = "pod-ready";

    /// <summary>A pod stopped serving (connections refused from now on) and left the pod list.</summary>
    public const string PodStopped = "pod-stopped";

    /// <summary>An endpoint entered the sidecars' routing set.</summary>
    public const string EndpointAdded = "endpoint-added";

    /// <summary>An endpoint left the routing set.</summary>
    public const string EndpointRemoved = "endpoint-removed";

    /// <summary>Outlier detection ejected an endpoint.</summary>
    public const string EndpointEjected = "endpoint-ejected";

    /// <summary>An ejection ended.</summary>
    public const string EndpointReturned = "endpoint-returned";

    /// <summary>A DestinationRule or VirtualService was created, changed or deleted.</summary>
    public const string PolicyChanged = "policy-changed";

    /// <summary>The first response served by a region after a routing change; detail <c>version=v2 pod=…</c>.</summary>
    public const string FirstResponse = "first-response";

    /// <summary>
    /// The first time (per routing change) a fault acted: detail names where it was injected — <c>caller</c>
    /// (a VirtualService fault in productpage's sidecar, response flag FI, no endpoint involved) or <c>server</c>
    /// (an EnvoyFilter fault in the named reviews pod's inbound sidecar: a real upstream 5xx).
    /// </summary>
    public const string FaultInjected = "fault-injected";

    /// <summary>Stored Istio config the Lab keeps but does not act on; detail <c>not modelled: why</c>.</summary>
    public const string NotModelled = "not-modelled";

    /// <summary>
    /// An owner controller changed an object: Argo CD self-heal or Flux drift correction reverted fields, or KEDA / an HPA
    /// scaled a Deployment; detail names the owner, what it did and its field manager.
    /// </summary>
    public const string OwnerActed = "owner-acted";
}

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
}

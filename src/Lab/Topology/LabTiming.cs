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

    /// <summary>
    /// From a pod starting to terminate until its endpoint leaves the sidecars' routing set (EDS): the
    /// kubelet, EndpointSlice controller and istiod's debounced push take about a second on a real mesh.
    /// </summary>
    public TimeSpan EndpointRemovalDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Added to a request for each hop whose DestinationRule sets <c>connectionPool.http.maxRequestsPerConnection: 1</c>
    /// (a new upstream connection, TCP + mTLS handshake, per request).
    /// </summary>
    public TimeSpan ConnectionSetupLatency { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// From a change of an object an Argo CD Application (with selfHeal) or a Flux Kustomization owns until the controller
    /// reverts it. Argo CD retries self-heal after <c>--self-heal-timeout-seconds</c> (5 s by default); Flux corrects drift at
    /// its next reconcile (<c>spec.interval</c>, often minutes).
    /// </summary>
    public TimeSpan SelfHealDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// From a change of a Deployment a KEDA ScaledObject or an HPA scales (or of the autoscaler) until it acts: the HPA
    /// controller syncs every 15 s (<c>--horizontal-pod-autoscaler-sync-period</c>), KEDA polls every <c>pollingInterval</c> (30 s).
    /// </summary>
    public TimeSpan AutoscalerSyncPeriod { get; init; } = TimeSpan.FromSeconds(15);
}

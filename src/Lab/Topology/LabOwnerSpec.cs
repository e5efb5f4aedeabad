namespace DrillBot.Lab;

/// <summary>
/// One controller that owns objects of the emulated world (topology <c>owners:</c>): its object is created at start in
/// <see cref="Context"/>, and the Lab acts as that controller would (docs/lab.md, "Owners").
/// </summary>
/// <param name="Kind">Argo CD, Flux, KEDA or HPA.</param>
/// <param name="Context">The kube context that holds the owner object and the objects it owns.</param>
/// <param name="Name">The Application, Kustomization, ScaledObject or HorizontalPodAutoscaler name.</param>
public sealed record LabOwnerSpec(LabOwnerKind Kind, string Context, string Name)
{
    /// <summary>The owner object's namespace: default <c>argocd</c> (Argo CD), <c>flux-system</c> (Flux), the topology's namespace (KEDA, HPA).</summary>
    public string? Namespace { get; init; }

    /// <summary>Argo CD / Flux: the objects it manages, <c>Kind/name</c> in the topology's namespace (e.g. <c>Deployment/reviews-v1</c>, <c>DestinationRule/reviews</c>).</summary>
    public IReadOnlyList<string> Objects { get; init; } = [];

    /// <summary>Argo CD: <c>spec.syncPolicy.automated.selfHeal</c> (default true).</summary>
    public bool SelfHeal { get; init; } = true;

    /// <summary>Argo CD: track objects by the <c>argocd.argoproj.io/instance</c> label instead of the <c>tracking-id</c> annotation.</summary>
    public bool TrackByLabel { get; init; }

    /// <summary>KEDA / HPA: the Deployment it scales.</summary>
    public string? Target { get; init; }

    /// <summary>KEDA <c>minReplicaCount</c> (default 0) / HPA <c>minReplicas</c> (default 1).</summary>
    public int? MinReplicas { get; init; }

    /// <summary>KEDA <c>maxReplicaCount</c> / HPA <c>maxReplicas</c> (default 10).</summary>
    public int MaxReplicas { get; init; } = 10;

    /// <summary>The owner object's namespace, defaults applied.</summary>
    public string NamespaceOr(string topologyNamespace) => Namespace ?? Kind switch
    {
        LabOwnerKind.ArgoCd => "argocd",
        LabOwnerKind.Flux => "flux-system",
        _ => topologyNamespace,
    };

    /// <summary>The lower bound, defaults applied (KEDA 0, HPA 1).</summary>
    public int Min => MinReplicas ?? (Kind == LabOwnerKind.Keda ? 0 : 1);
}

namespace DrillBot.Drills.Journal;

/// <summary>The kinds of object a drill may change.</summary>
public enum ObjectKind
{
    /// <summary>apps/v1 Deployment (changed through its scale subresource).</summary>
    Deployment,

    /// <summary>networking.istio.io DestinationRule.</summary>
    DestinationRule,

    /// <summary>networking.istio.io VirtualService.</summary>
    VirtualService,

    /// <summary>networking.istio.io/v1alpha3 EnvoyFilter (created by <c>failWorkload</c>, deleted by the restore).</summary>
    EnvoyFilter,

    /// <summary>v1 Endpoints (read only, by the failover preflight).</summary>
    Endpoints,

    /// <summary>v1 Pod (read only, by the failover preflight: which endpoints a failWorkload selects).</summary>
    Pod,

    /// <summary>v1 ConfigMap (read only: the mesh config <c>istio</c> in istio-system, by the failover preflight).</summary>
    ConfigMap,

    /// <summary>Argo CD <c>argoproj.io/v1alpha1</c> Application (an owner: automated sync switched off while a drill runs).</summary>
    Application,

    /// <summary>Flux <c>kustomize.toolkit.fluxcd.io/v1</c> Kustomization (an owner: suspended while a drill runs).</summary>
    Kustomization,

    /// <summary>KEDA <c>keda.sh/v1alpha1</c> ScaledObject (an owner: paused while a drill runs).</summary>
    ScaledObject,

    /// <summary><c>autoscaling/v2</c> HorizontalPodAutoscaler (an owner: pinned to the drill's replicas while a drill scales above 0).</summary>
    HorizontalPodAutoscaler,
}

/// <summary>One object in one cluster (cluster = the name under <c>clusters:</c> in drills.yaml).</summary>
public sealed record ObjectRef(string Cluster, ObjectKind Kind, string Namespace, string Name)
{
    /// <inheritdoc />
    public override string ToString() => $"{Cluster}:{Kind}/{Namespace}/{Name}";
}

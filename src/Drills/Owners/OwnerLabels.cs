namespace DrillBot.Drills.Owners;

/// <summary>The labels and annotations by which owners mark, or are told about, the objects they manage.</summary>
internal static class OwnerLabels
{
    /// <summary>Argo CD's default tracking label (https://argo-cd.readthedocs.io/en/stable/user-guide/resource_tracking/): the Application's name.</summary>
    public const string ArgoInstance = "argocd.argoproj.io/instance";

    /// <summary>Argo CD's tracking annotation (the default since Argo CD 3.0): <c>app:group/Kind:namespace/name</c>; app is <c>namespace_name</c> for Applications outside the control-plane namespace.</summary>
    public const string ArgoTrackingId = "argocd.argoproj.io/tracking-id";

    /// <summary>Argo CD skips an Application annotated with this set to "true" (https://argo-cd.readthedocs.io/en/stable/user-guide/skip_reconcile/).</summary>
    public const string ArgoSkipReconcile = "argocd.argoproj.io/skip-reconcile";

    /// <summary>The namespace Argo CD's Applications live in unless the tracking id names another.</summary>
    public const string ArgoNamespace = "argocd";

    public const string FluxName = "kustomize.toolkit.fluxcd.io/name";
    public const string FluxNamespace = "kustomize.toolkit.fluxcd.io/namespace";

    /// <summary>Flux leaves an object with this annotation or label set to "disabled" alone (https://fluxcd.io/flux/components/kustomize/kustomizations/#suspending-and-resuming).</summary>
    public const string FluxReconcile = "kustomize.toolkit.fluxcd.io/reconcile";

    /// <summary>KEDA: pause autoscaling at the current count (https://keda.sh/docs/2.16/concepts/scaling-deployments/#pausing-autoscaling).</summary>
    public const string KedaPaused = "autoscaling.keda.sh/paused";

    /// <summary>KEDA: scale the target to this count and pause (it takes precedence over <see cref="KedaPaused"/>).</summary>
    public const string KedaPausedReplicas = "autoscaling.keda.sh/paused-replicas";
}

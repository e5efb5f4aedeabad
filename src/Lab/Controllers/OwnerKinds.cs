namespace DrillBot.Lab.Controllers;

/// <summary>Kinds, groups and well-known labels/annotations of the owners the Lab models.</summary>
internal static class OwnerKinds
{
    public const string Application = "Application";
    public const string Kustomization = "Kustomization";
    public const string ScaledObject = "ScaledObject";
    public const string HorizontalPodAutoscaler = "HorizontalPodAutoscaler";

    public const string ArgoGroup = "argoproj.io";
    public const string FluxGroup = "kustomize.toolkit.fluxcd.io";
    public const string KedaGroup = "keda.sh";

    /// <summary>Argo CD's default tracking label (<c>application.instanceLabelKey</c>): the Application's name.</summary>
    public const string ArgoInstanceLabel = "argocd.argoproj.io/instance";

    /// <summary>Argo CD's annotation tracking (the default since Argo CD 3.0): <c>app:group/Kind:namespace/name</c>.</summary>
    public const string ArgoTrackingAnnotation = "argocd.argoproj.io/tracking-id";

    /// <summary>Argo CD skips reconciling an Application with this annotation set to "true".</summary>
    public const string ArgoSkipReconcile = "argocd.argoproj.io/skip-reconcile";

    public const string FluxNameLabel = "kustomize.toolkit.fluxcd.io/name";
    public const string FluxNamespaceLabel = "kustomize.toolkit.fluxcd.io/namespace";

    /// <summary>Flux leaves an object with this annotation (or label) set to "disabled" alone.</summary>
    public const string FluxReconcile = "kustomize.toolkit.fluxcd.io/reconcile";

    public const string KedaPausedReplicas = "autoscaling.keda.sh/paused-replicas";
    public const string KedaPaused = "autoscaling.keda.sh/paused";

    /// <summary>The field managers the Lab's controllers write with (what managedFields then name).</summary>
    public const string ArgoManager = "argocd-controller";
    public const string FluxManager = "kustomize-controller";
    public const string KedaManager = "keda-operator";
    public const string HpaManager = "kube-controller-manager";

    public static string KindOf(LabOwnerKind kind) => kind switch
    {
        LabOwnerKind.ArgoCd => Application,
        LabOwnerKind.Flux => Kustomization,
        LabOwnerKind.Keda => ScaledObject,
        _ => HorizontalPodAutoscaler,
    };
}

namespace DrillBot.Lab;

/// <summary>The controllers the Lab models that own (and may undo changes to) the drills' objects.</summary>
public enum LabOwnerKind
{
    /// <summary>An Argo CD <c>Application</c> (argoproj.io/v1alpha1) with automated sync and, by default, selfHeal.</summary>
    ArgoCd,

    /// <summary>A Flux <c>Kustomization</c> (kustomize.toolkit.fluxcd.io/v1): corrects drift at every reconcile unless suspended.</summary>
    Flux,

    /// <summary>A KEDA <c>ScaledObject</c> (keda.sh/v1alpha1) scaling a Deployment.</summary>
    Keda,

    /// <summary>A <c>HorizontalPodAutoscaler</c> (autoscaling/v2) scaling a Deployment.</summary>
    Hpa,
}

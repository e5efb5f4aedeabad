using System.Text.Json.Serialization;

namespace DrillBot.Drills.Owners;

/// <summary>The controllers a drill detects as owners of its objects (report <c>owners[].type</c>); wire names via <c>WireNames</c>.</summary>
public enum OwnerType
{
    /// <summary>An Argo CD Application tracks the object (label <c>argocd.argoproj.io/instance</c> or annotation <c>argocd.argoproj.io/tracking-id</c>).</summary>
    [JsonStringEnumMemberName("argocd")]
    ArgoCd,

    /// <summary>A Flux Kustomization applied the object (labels <c>kustomize.toolkit.fluxcd.io/name</c> and <c>/namespace</c>).</summary>
    [JsonStringEnumMemberName("flux")]
    Flux,

    /// <summary>A KEDA ScaledObject scales the Deployment (<c>spec.scaleTargetRef</c>).</summary>
    [JsonStringEnumMemberName("keda")]
    Keda,

    /// <summary>A HorizontalPodAutoscaler scales the Deployment (<c>spec.scaleTargetRef</c>).</summary>
    [JsonStringEnumMemberName("hpa")]
    Hpa,
}

using DrillBot.Drills.Journal;

namespace DrillBot.Drills.Cluster;

/// <summary>API group and plural per object kind; the Istio version is discovered per cluster.</summary>
internal static class ResourceKinds
{
    public const string IstioGroup = "networking.istio.io";

    /// <summary>Versions the DestinationRule/VirtualService CRDs are served as, preferred first.</summary>
    public static readonly string[] IstioVersions = ["v1", "v1beta1", "v1alpha3"];

    /// <summary>EnvoyFilter is served as v1alpha3 only (Istio's CRD has no other version).</summary>
    public const string EnvoyFilterVersion = "v1alpha3";

    /// <summary>The served version of a kind outside the Istio group.</summary>
    public static string Version(ObjectKind kind) => kind switch
    {
        ObjectKind.Application or ObjectKind.ScaledObject => "v1alpha1",
        ObjectKind.HorizontalPodAutoscaler => "v2",
        _ => "v1",
    };

    public static (string Group, string Plural) Of(ObjectKind kind) => kind switch
    {
        ObjectKind.Application => ("argoproj.io", "applications"),
        ObjectKind.Kustomization => ("kustomize.toolkit.fluxcd.io", "kustomizations"),
        ObjectKind.ScaledObject => ("keda.sh", "scaledobjects"),
        ObjectKind.HorizontalPodAutoscaler => ("autoscaling", "horizontalpodautoscalers"),
        ObjectKind.Deployment => ("apps", "deployments"),
        ObjectKind.DestinationRule => (IstioGroup, "destinationrules"),
        ObjectKind.VirtualService => (IstioGroup, "virtualservices"),
        ObjectKind.EnvoyFilter => (IstioGroup, "envoyfilters"),
        ObjectKind.Endpoints => (string.Empty, "endpoints"),
        ObjectKind.ConfigMap => (string.Empty, "configmaps"),
        ObjectKind.Pod => (string.Empty, "pods"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a kind drills change"),
    };
}

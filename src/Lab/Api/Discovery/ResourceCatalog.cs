using DrillBot.Lab.Controllers;
using DrillBot.Lab.State;

namespace DrillBot.Lab.Api;

/// <summary>The resources the emulated API servers know, and which context serves which.</summary>
internal static class ResourceCatalog
{
    public const string DeploymentKind = "Deployment";
    public const string LeaseKind = "Lease";

    private static readonly string[] ReadOnly = ["get", "list"];
    private static readonly string[] FullCrud = ["create", "delete", "get", "list", "patch", "update", "watch"];

    public static readonly ResourceType Pods = new("", "pods", "pod", "Pod", ["v1"], true, ReadOnly, ["po"], ResourceHandlerKind.Pods) { Categories = ["all"] };
    public static readonly ResourceType Endpoints = new("", "endpoints", "endpoints", "Endpoints", ["v1"], true, ReadOnly, ["ep"], ResourceHandlerKind.Endpoints);
    public static readonly ResourceType Services = new("", "services", "service", "Service", ["v1"], true, ReadOnly, ["svc"], ResourceHandlerKind.Services) { Categories = ["all"] };
    public static readonly ResourceType Namespaces = new("", "namespaces", "namespace", "Namespace", ["v1"], false, ReadOnly, ["ns"], ResourceHandlerKind.Namespaces);
    public static readonly ResourceType Deployments = new("apps", "deployments", "deployment", DeploymentKind, ["v1"], true, ["get", "list", "patch", "update", "watch"], ["deploy"], ResourceHandlerKind.Deployments) { Categories = ["all"] };
    public static readonly ResourceType Leases = new("coordination.k8s.io", "leases", "lease", LeaseKind, ["v1"], true, FullCrud, [], ResourceHandlerKind.Leases);
    /// <summary>ConfigMaps (get list patch update): the mesh context keeps Istio's mesh config in istio/istio-system.</summary>
    public static readonly ResourceType ConfigMaps = new("", "configmaps", "configmap", "ConfigMap", ["v1"], true, ["get", "list", "patch", "update", "watch"], ["cm"], ResourceHandlerKind.ConfigMaps);
    public static readonly ResourceType DestinationRules = Istio("destinationrules", "destinationrule", IstioKinds.DestinationRule, "dr");
    public static readonly ResourceType VirtualServices = Istio("virtualservices", "virtualservice", IstioKinds.VirtualService, "vs");
    public static readonly ResourceType Gateways = Istio("gateways", "gateway", IstioKinds.Gateway, "gw");

    /// <summary>Istio's EnvoyFilter CRD: v1alpha3 only, no short name.</summary>
    public static readonly ResourceType EnvoyFilters =
        new(IstioKinds.Group, "envoyfilters", "envoyfilter", IstioKinds.EnvoyFilter, IstioKinds.EnvoyFilterVersions, true, FullCrud, [], ResourceHandlerKind.Istio)
        {
            Categories = ["istio-io", "networking-istio-io"],
        };

    /// <summary>Argo CD's Application CRD (argoproj.io/v1alpha1), served where the topology declares an Argo CD owner.</summary>
    public static readonly ResourceType Applications =
        new(OwnerKinds.ArgoGroup, "applications", "application", OwnerKinds.Application, ["v1alpha1"], true, FullCrud, ["app", "apps"], ResourceHandlerKind.CustomResource) { Categories = ["argoproj"] };

    /// <summary>Flux's Kustomization CRD (kustomize.toolkit.fluxcd.io/v1), served where the topology declares a Flux owner.</summary>
    public static readonly ResourceType Kustomizations =
        new(OwnerKinds.FluxGroup, "kustomizations", "kustomization", OwnerKinds.Kustomization, ["v1"], true, FullCrud, ["ks"], ResourceHandlerKind.CustomResource) { Categories = ["all"] };

    /// <summary>KEDA's ScaledObject CRD (keda.sh/v1alpha1), served where the topology declares a KEDA owner.</summary>
    public static readonly ResourceType ScaledObjects =
        new(OwnerKinds.KedaGroup, "scaledobjects", "scaledobject", OwnerKinds.ScaledObject, ["v1alpha1"], true, FullCrud, ["so"], ResourceHandlerKind.CustomResource) { Categories = ["keda"] };

    /// <summary>autoscaling/v2 HorizontalPodAutoscalers, served by every cluster that runs pods.</summary>
    public static readonly ResourceType HorizontalPodAutoscalers =
        new("autoscaling", "horizontalpodautoscalers", "horizontalpodautoscaler", OwnerKinds.HorizontalPodAutoscaler, ["v2"], true, FullCrud, ["hpa"], ResourceHandlerKind.Autoscalers) { Categories = ["all"] };

    /// <summary>authorization.k8s.io/v1 SelfSubjectAccessReviews: "may I?" against the caller's RBAC rules.</summary>
    public static readonly ResourceType SelfSubjectAccessReviews =
        new("authorization.k8s.io", "selfsubjectaccessreviews", "selfsubjectaccessreview", "SelfSubjectAccessReview", ["v1"], false, ["create"], [], ResourceHandlerKind.AccessReviews);

    /// <summary>The <c>Scale</c> subresource type, for messages.</summary>
    public static readonly ResourceType Scale = new("autoscaling", "deployments", "scale", "Scale", ["v1"], true, ["get", "patch", "update"], [], ResourceHandlerKind.Deployments);

    public static IReadOnlyList<ResourceType> All { get; } =
        [Pods, Endpoints, Services, Namespaces, Deployments, Leases, ConfigMaps, DestinationRules, VirtualServices, Gateways, EnvoyFilters,
         Applications, Kustomizations, ScaledObjects, HorizontalPodAutoscalers, SelfSubjectAccessReviews];

    /// <summary>Resources a context's API server serves: workloads where pods run, Istio on the mesh context.</summary>
    public static IEnumerable<ResourceType> ServedBy(ContextState context) => All.Where(t => t.Handler switch
    {
        ResourceHandlerKind.Pods or ResourceHandlerKind.Endpoints or ResourceHandlerKind.Services or ResourceHandlerKind.Deployments
            or ResourceHandlerKind.Autoscalers => context.ServesWorkloads,
        ResourceHandlerKind.Istio => context.ServesIstio,
        ResourceHandlerKind.CustomResource => context.ServesCustomKind(t.Kind),
        _ => true,
    });

    public static ResourceType? Find(ContextState context, string group, string version, string plural) =>
        ServedBy(context).FirstOrDefault(t => t.Group == group && t.Plural == plural && t.Serves(version));

    private static ResourceType Istio(string plural, string singular, string kind, string shortName) =>
        new(IstioKinds.Group, plural, singular, kind, IstioKinds.Versions, true, FullCrud, [shortName], ResourceHandlerKind.Istio)
        {
            Categories = ["istio-io", "networking-istio-io"],
        };
}

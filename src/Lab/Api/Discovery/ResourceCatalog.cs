using DrillBot.Lab.State;

namespace DrillBot.Lab.Api;

/// <summary>The resources the emulated API servers know, and which context serves which.</summary>
internal static class ResourceCatalog
{
    public const string DeploymentKind = "Deployment";
    public const string LeaseKind = "Lease";

    private static readonly string[] ReadOnly = ["get", "list"];
    private static readonly string[] FullCrud = ["create", "delete", "get", "list", "patch", "update"];

    public static readonly ResourceType Pods = new("", "pods", "pod", "Pod", ["v1"], true, ReadOnly, ["po"], ResourceHandlerKind.Pods) { Categories = ["all"] };
    public static readonly ResourceType Endpoints = new("", "endpoints", "endpoints", "Endpoints", ["v1"], true, ReadOnly, ["ep"], ResourceHandlerKind.Endpoints);
    public static readonly ResourceType Services = new("", "services", "service", "Service", ["v1"], true, ReadOnly, ["svc"], ResourceHandlerKind.Services) { Categories = ["all"] };
    public static readonly ResourceType Namespaces = new("", "namespaces", "namespace", "Namespace", ["v1"], false, ReadOnly, ["ns"], ResourceHandlerKind.Namespaces);
    public static readonly ResourceType Deployments = new("apps", "deployments", "deployment", DeploymentKind, ["v1"], true, ["get", "list", "patch", "update"], ["deploy"], ResourceHandlerKind.Deployments) { Categories = ["all"] };
    public static readonly ResourceType Leases = new("coordination.k8s.io", "leases", "lease", LeaseKind, ["v1"], true, FullCrud, [], ResourceHandlerKind.Leases);
    public static readonly ResourceType DestinationRules = Istio("destinationrules", "destinationrule", IstioKinds.DestinationRule, "dr");
    public static readonly ResourceType VirtualServices = Istio("virtualservices", "virtualservice", IstioKinds.VirtualService, "vs");
    public static readonly ResourceType Gateways = Istio("gateways", "gateway", IstioKinds.Gateway, "gw");

    /// <summary>Istio's EnvoyFilter CRD: v1alpha3 only, no short name.</summary>
    public static readonly ResourceType EnvoyFilters =
        new(IstioKinds.Group, "envoyfilters", "envoyfilter", IstioKinds.EnvoyFilter, IstioKinds.EnvoyFilterVersions, true, FullCrud, [], ResourceHandlerKind.Istio)
        {
            Categories = ["istio-io", "networking-istio-io"],
        };

    /// <summary>The <c>Scale</c> subresource type, for messages.</summary>
    public static readonly ResourceType Scale = new("autoscaling", "deployments", "scale", "Scale", ["v1"], true, ["get", "patch", "update"], [], ResourceHandlerKind.Deployments);

    public static IReadOnlyList<ResourceType> All { get; } = [Pods, Endpoints, Services, Namespaces, Deployments, Leases, DestinationRules, VirtualServices, Gateways, EnvoyFilters];

    /// <summary>Resources a context's API server serves: workloads where pods run, Istio on the mesh context.</summary>
    public static IEnumerable<ResourceType> ServedBy(ContextState context) => All.Where(t => t.Handler switch
    {
        ResourceHandlerKind.Pods or ResourceHandlerKind.Endpoints or ResourceHandlerKind.Services or ResourceHandlerKind.Deployments => context.ServesWorkloads,
        ResourceHandlerKind.Istio => context.ServesIstio,
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

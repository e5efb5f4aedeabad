namespace DrillBot.Lab.Api;

/// <summary>How a resource's requests are served.</summary>
internal enum ResourceHandlerKind
{
    Deployments,
    Pods,
    Endpoints,
    Services,
    Namespaces,
    Leases,
    ConfigMaps,
    Istio,

    /// <summary>Custom resources of the owners the Lab models: Argo CD Applications, Flux Kustomizations, KEDA ScaledObjects.</summary>
    CustomResource,

    /// <summary>autoscaling/v2 HorizontalPodAutoscalers (a built-in type: strategic merge allowed).</summary>
    Autoscalers,

    /// <summary>authorization.k8s.io/v1 SelfSubjectAccessReviews (create only).</summary>
    AccessReviews,
}

/// <summary>One resource the emulated API server serves (what discovery lists and the router dispatches on).</summary>
internal sealed record ResourceType(
    string Group,
    string Plural,
    string Singular,
    string Kind,
    IReadOnlyList<string> Versions,
    bool Namespaced,
    IReadOnlyList<string> Verbs,
    IReadOnlyList<string> ShortNames,
    ResourceHandlerKind Handler)
{
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary><c>deployments.apps</c>, or <c>pods</c> for the core group.</summary>
    public string QualifiedPlural => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>Suffix used in Invalid messages (<c>Deployment.apps "x" is invalid</c>).</summary>
    public string GroupForMessage => Group;

    public string ApiVersion(string version) => Group.Length == 0 ? version : $"{Group}/{version}";

    public string PreferredApiVersion => ApiVersion(Versions[0]);

    public bool Serves(string version) => Versions.Contains(version, StringComparer.Ordinal);

    /// <summary>A custom resource (Istio, Argo CD, Flux, KEDA): merge and JSON patch only, resourceVersion required on update, status kept.</summary>
    public bool IsCustom => Handler is ResourceHandlerKind.Istio or ResourceHandlerKind.CustomResource;

    /// <summary>Kept in the context's store (so it can be watched); pods, endpoints, services and namespaces are generated.</summary>
    public bool Stored => Handler is ResourceHandlerKind.Deployments or ResourceHandlerKind.Leases or ResourceHandlerKind.ConfigMaps
        or ResourceHandlerKind.Istio or ResourceHandlerKind.CustomResource or ResourceHandlerKind.Autoscalers;
}

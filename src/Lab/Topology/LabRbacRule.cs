namespace DrillBot.Lab;

/// <summary>
/// One RBAC PolicyRule (https://kubernetes.io/docs/reference/access-authn-authz/rbac/), scoped like the Role or ClusterRole that
/// holds it: <see cref="Namespaces"/> empty = every namespace and cluster-scoped resources (a ClusterRole), else a Role in each.
/// </summary>
public sealed record LabRbacRule
{
    /// <summary>The contexts (clusters) the rule is bound in; empty = every context.</summary>
    public IReadOnlyList<string> Contexts { get; init; } = [];

    /// <summary>The Role's namespaces; empty = a ClusterRole.</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    /// <summary><c>apiGroups</c> ("" = core, "*" = any).</summary>
    public IReadOnlyList<string> ApiGroups { get; init; } = [];

    /// <summary><c>resources</c>, with subresources as <c>deployments/scale</c> ("*" = any).</summary>
    public IReadOnlyList<string> Resources { get; init; } = [];

    /// <summary><c>resourceNames</c>; empty = any name (a named rule never allows create, or list/watch without a metadata.name field selector).</summary>
    public IReadOnlyList<string> ResourceNames { get; init; } = [];

    /// <summary><c>verbs</c> ("*" = any).</summary>
    public IReadOnlyList<string> Verbs { get; init; } = [];
}

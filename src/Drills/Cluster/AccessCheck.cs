namespace DrillBot.Drills.Cluster;

/// <summary>
/// One "may I?" for a SelfSubjectAccessReview: <paramref name="Verb"/> on <paramref name="Resource"/>
/// (<paramref name="Subresource"/>) of API group <paramref name="Group"/> in <paramref name="Namespace"/>, limited to
/// <paramref name="Name"/> when given (create has no name; a list or watch of one object carries it as a field selector).
/// </summary>
public sealed record AccessCheck(string Verb, string Group, string Resource, string? Subresource, string Namespace, string? Name)
{
    /// <summary>Like RBAC writes it: <c>deployments.apps/scale "reviews-v1"</c>, <c>leases.coordination.k8s.io</c>, <c>endpoints</c>.</summary>
    public string Describe() =>
        $"{Resource}{(Group.Length == 0 ? "" : "." + Group)}{(Subresource is null ? "" : "/" + Subresource)}{(Name is null ? "" : $" \"{Name}\"")}";
}

/// <summary>The answer to an <see cref="AccessCheck"/>.</summary>
public sealed record AccessDecision(bool Allowed, string? Reason);

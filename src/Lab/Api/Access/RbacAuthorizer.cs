namespace DrillBot.Lab.Api;

/// <summary>
/// Kubernetes RBAC's rule matching (https://kubernetes.io/docs/reference/access-authn-authz/rbac/): allowed when one rule
/// matches; nothing is ever denied explicitly. <c>resourceNames</c> need a name: create has none, and list/watch have one only
/// with a <c>metadata.name</c> field selector ("Referring to resources").
/// </summary>
internal static class RbacAuthorizer
{
    public static bool Allows(IReadOnlyList<LabRbacRule> rules, string context, AccessAttributes a) => rules.Any(r => Matches(r, context, a));

    private static bool Matches(LabRbacRule rule, string context, AccessAttributes a) =>
        (rule.Contexts.Count == 0 || rule.Contexts.Contains(context, StringComparer.Ordinal))
        && (rule.Namespaces.Count == 0 || (a.Namespace is not null && rule.Namespaces.Contains(a.Namespace, StringComparer.Ordinal)))
        && Any(rule.ApiGroups, a.Group)
        && Any(rule.Verbs, a.Verb)
        && rule.Resources.Any(r => r == "*" || r == a.ResourceWithSubresource || (a.Subresource is not null && r == $"*/{a.Subresource}"))
        && (rule.ResourceNames.Count == 0 || (a.Name is not null && rule.ResourceNames.Contains(a.Name, StringComparer.Ordinal)));

    private static bool Any(IReadOnlyList<string> values, string value) => values.Any(v => v == "*" || v == value);
}

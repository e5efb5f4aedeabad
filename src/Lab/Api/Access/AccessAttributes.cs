namespace DrillBot.Lab.Api;

/// <summary>What a request asks to do, as RBAC sees it (a SelfSubjectAccessReview's <c>resourceAttributes</c>).</summary>
internal sealed record AccessAttributes(string Verb, string Group, string Resource, string? Subresource, string? Namespace, string? Name)
{
    /// <summary><c>deployments/scale</c>, or <c>deployments</c>.</summary>
    public string ResourceWithSubresource => Subresource is null ? Resource : $"{Resource}/{Subresource}";
}

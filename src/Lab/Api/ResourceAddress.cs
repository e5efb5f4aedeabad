namespace DrillBot.Lab.Api;

/// <summary>Which object(s) a resource request is about.</summary>
internal sealed record ResourceAddress(ResourceType Type, string Version, string? Namespace, string? Name, string? Subresource)
{
    public string ApiVersion => Type.ApiVersion(Version);

    /// <summary>The RBAC verb of <paramref name="method"/> on this address.</summary>
    public string Verb(string method) => method switch
    {
        "GET" or "HEAD" => Name is null ? "list" : "get",
        "POST" => "create",
        "PUT" => "update",
        "PATCH" => "patch",
        "DELETE" => Name is null ? "deletecollection" : "delete",
        _ => method.ToLowerInvariant(),
    };
}

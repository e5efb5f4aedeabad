namespace DrillBot.Lab.Api;

/// <summary>One request to an emulated API server, already read off the wire.</summary>
internal sealed record ApiRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, string? ContentType, string Body)
{
    public string? QueryValue(string name) => Query.GetValueOrDefault(name);

    /// <summary>The Accept header (kubectl asks for Tables).</summary>
    public string? Accept { get; init; }

    /// <summary>The body's bytes (protobuf requests are not text).</summary>
    public byte[] RawBody { get; init; } = [];

    /// <summary>The User-Agent header (the default field manager is its part before the first '/').</summary>
    public string? UserAgent { get; init; }

    /// <summary>The identity the bearer token authenticated (null: the context's admin, allowed everything).</summary>
    public string? Identity { get; init; }

    /// <summary>The field manager of a write: <c>?fieldManager=</c>, else the User-Agent's product name.</summary>
    public string Manager => ManagedFields.ManagerOf(QueryValue("fieldManager"), UserAgent);

    public bool DryRun => QueryValue("dryRun") is { Length: > 0 };
}

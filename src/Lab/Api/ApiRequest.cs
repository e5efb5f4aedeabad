namespace DrillBot.Lab.Api;

/// <summary>One request to an emulated API server, already read off the wire.</summary>
internal sealed record ApiRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, string? ContentType, string Body)
{
    public string? QueryValue(string name) => Query.GetValueOrDefault(name);

    /// <summary>The Accept header (kubectl asks for Tables).</summary>
    public string? Accept { get; init; }

    public bool DryRun => QueryValue("dryRun") is { Length: > 0 } v && v != "false";
}

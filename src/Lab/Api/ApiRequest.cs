namespace DrillBot.Lab.Api;

/// <summary>One request to an emulated API server, already read off the wire.</summary>
internal sealed record ApiRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, string? ContentType, string Body)
{
    public string? QueryValue(string name) => Query.GetValueOrDefault(name);

    public bool DryRun => QueryValue("dryRun") is { Length: > 0 } v && v != "false";
}

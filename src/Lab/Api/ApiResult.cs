namespace DrillBot.Lab.Api;

/// <summary>What the emulated API server answers: an HTTP status and a JSON body.</summary>
internal sealed record ApiResult(int Status, string Body)
{
    /// <summary>Seconds for a <c>Retry-After</c> header (429/503 faults).</summary>
    public string? RetryAfter { get; init; }

    /// <summary>Reset the connection instead of answering.</summary>
    public bool ResetConnection { get; init; }

    /// <summary>Content type of <see cref="Body"/>.</summary>
    public string ContentType { get; init; } = "application/json";

    /// <summary>Set instead of a body: the request is a watch of this address (served as a stream by <c>WatchStream</c>).</summary>
    public ResourceAddress? Watch { get; init; }

    public static ApiResult Ok(string json) => new(200, json);

    public static ApiResult Created(string json) => new(201, json);
}

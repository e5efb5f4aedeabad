using DrillBot.Store;

namespace DrillBot.Api;

/// <summary>What the HTTP API needs from the service's settings.</summary>
internal sealed record ApiOptions
{
    /// <summary>This replica, shown by <c>/healthz</c> and <c>/readyz</c>.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The store, described by <c>/readyz</c>.</summary>
    public required StoreLocation Store { get; init; }

    /// <summary>Bearer token for <c>/api/*</c>; null = the API refuses every request.</summary>
    public string? ApiToken { get; init; }
}

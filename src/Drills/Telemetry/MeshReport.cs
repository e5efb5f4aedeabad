namespace DrillBot.Drills.Telemetry;

/// <summary>
/// Report field <c>mesh</c>: what the mesh's own metrics said about the run, beside the probe (docs/drills-yaml.md#mesh-and-budget).
/// <see cref="Status"/> is <c>evaluated</c>, or <c>skipped</c> with the <see cref="Reason"/> (Prometheus unreachable, not configured).
/// </summary>
public sealed record MeshReport
{
    public const string Evaluated = "evaluated";
    public const string Skipped = "skipped";

    public required string Status { get; init; }
    public string? Reason { get; init; }

    /// <summary>The Prometheus the numbers came from.</summary>
    public string? Prometheus { get; init; }

    /// <summary>The service whose responses were counted (<c>destination_service_name</c>).</summary>
    public string? Service { get; init; }

    public double AgreeWithin { get; init; }
    public IReadOnlyList<MeshWindowReport> Windows { get; init; } = [];
    public UserErrorsReport? UserErrors { get; init; }
}

/// <summary>One window of the probe's checks, seen by the probe and by the mesh.</summary>
/// <param name="Name"><c>beforeFault</c>, <c>afterRecovery</c> or <c>afterFailback</c>.</param>
/// <param name="From">Window start (the probe's).</param>
/// <param name="To">Window end.</param>
/// <param name="ProbeSamples">Ok probe samples of mapped classes in the window.</param>
/// <param name="ProbeShares">Share of each class among them.</param>
/// <param name="MeshResponses">2xx responses of the service the mesh counted (aligned inside the window to the scrapes).</param>
/// <param name="MeshShares">Share of each class (a <c>destination_cluster</c> no class maps appears by its own name).</param>
/// <param name="Sources">The same per source workload.</param>
/// <param name="MaxDelta">The largest |probe − mesh| over the classes, or null when one side had nothing.</param>
public sealed record MeshWindowReport(string Name, DateTimeOffset From, DateTimeOffset To, int ProbeSamples, IReadOnlyDictionary<string, double> ProbeShares,
    long MeshResponses, IReadOnlyDictionary<string, double> MeshShares, IReadOnlyList<MeshSourceReport> Sources, double? MaxDelta)
{
    /// <summary>The largest distance between a class's probe and mesh confidence intervals (0 when they overlap): what the agreement check compares with agreeWithin.</summary>
    public double? MaxGap { get; init; }
}

/// <summary>One source workload's responses by <c>destination_cluster</c>.</summary>
public sealed record MeshSourceReport(string Workload, string Cluster, long Responses, IReadOnlyDictionary<string, long> ByDestinationCluster);

/// <summary>User errors: 5xx answered to users by the ingress gateway (<c>reporter="source"</c>) while the drill ran.</summary>
/// <param name="From">The first step (the count starts at the last scrape at or before it).</param>
/// <param name="To">One scrape interval after the run's end (the count ends at the last scrape at or before it).</param>
/// <param name="Errors">5xx responses to users.</param>
/// <param name="Requests">All responses to users.</param>
/// <param name="PeakRatio">The highest 5xx ratio over one rate window during the run (query_range), or null.</param>
/// <param name="PeakAt">When it was.</param>
public sealed record UserErrorsReport(DateTimeOffset From, DateTimeOffset To, long Errors, long Requests, double? PeakRatio, DateTimeOffset? PeakAt)
{
    public double? Ratio => Requests == 0 ? null : Math.Round(Errors / (double)Requests, 6);
}

namespace DrillBot.Lab.Mesh;

/// <summary>
/// A VirtualService <c>http[].fault</c> on the reviews host, modelled as the routed subset's endpoints
/// misbehaving: a delay before answering and/or an abort status, each for a percentage of requests.
/// </summary>
internal sealed record EndpointFault(int? AbortStatus, double AbortPercent, TimeSpan? Delay, double DelayPercent)
{
    /// <summary>Subset labels the fault applies to; null means every reviews endpoint.</summary>
    public IReadOnlyDictionary<string, string>? SubsetLabels { get; init; }

    public bool AppliesTo(string app, string version) =>
        SubsetLabels is null || SubsetLabels.All(l => l.Key switch
        {
            "app" => l.Value == app,
            "version" => l.Value == version,
            _ => false,
        });
}

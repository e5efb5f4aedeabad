using DrillBot.Drills.Telemetry;

namespace DrillBot.Drills.Definitions;

/// <summary>A whole drills.yaml: clusters, defaults, blackouts and drills, validated.</summary>
public sealed record DrillsConfig(
    string Source,
    IReadOnlyDictionary<string, ClusterDefinition> Clusters,
    DefaultsDefinition Defaults,
    IReadOnlyList<BlackoutDefinition> Blackouts,
    IReadOnlyList<DrillDefinition> Drills)
{
    /// <summary><c>telemetry:</c>: the mesh's own metrics (null when the file has no such block).</summary>
    public TelemetryDefinition? Telemetry { get; init; }

    /// <summary>The drill with this name (ordinal), or null.</summary>
    public DrillDefinition? FindDrill(string name) =>
        Drills.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.Ordinal));
}

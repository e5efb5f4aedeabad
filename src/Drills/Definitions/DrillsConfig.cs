namespace DrillBot.Drills.Definitions;

/// <summary>A whole drills.yaml: clusters, defaults, blackouts and drills, validated.</summary>
public sealed record DrillsConfig(
    string Source,
    IReadOnlyDictionary<string, ClusterDefinition> Clusters,
    DefaultsDefinition Defaults,
    IReadOnlyList<BlackoutDefinition> Blackouts,
    IReadOnlyList<DrillDefinition> Drills)
{
    /// <summary>The drill with this name (ordinal), or null.</summary>
    public DrillDefinition? FindDrill(string name) =>
        Drills.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.Ordinal));
}

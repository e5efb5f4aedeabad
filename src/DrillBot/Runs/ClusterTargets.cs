using DrillBot.Drills.Definitions;

namespace DrillBot.Runs;

/// <summary>
/// The target clusters a drill touches, as keys that identify the real cluster (kubeconfig file and
/// context, or in-cluster), so two names for one cluster still exclude each other.
/// </summary>
internal static class ClusterTargets
{
    public static IReadOnlySet<string> Of(DrillsConfig config, DrillDefinition drill) =>
        drill.TouchedClusters
            .Select(name => config.Clusters.TryGetValue(name, out var c) ? Key(c) : "name:" + name)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The targets of a drill by name; empty when the configuration no longer has it.</summary>
    public static IReadOnlySet<string> Of(DrillsConfig config, string drill) =>
        config.FindDrill(drill) is { } d ? Of(config, d) : new HashSet<string>(StringComparer.Ordinal);

    private static string Key(ClusterDefinition c) =>
        c.InCluster ? "in-cluster" : $"{c.Kubeconfig ?? "$KUBECONFIG"}#{c.Context}";
}

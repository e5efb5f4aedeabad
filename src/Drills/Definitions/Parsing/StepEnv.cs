namespace DrillBot.Drills.Definitions.Parsing;

/// <summary>What a step or precondition parser needs: the context, the declared clusters, the drill's namespace.</summary>
internal sealed record StepEnv(YamlContext Context, IReadOnlyDictionary<string, ClusterDefinition> Clusters, string Namespace)
{
    /// <summary>Reads the <c>cluster</c> field and checks that it names a declared cluster.</summary>
    public string? Cluster(MapReader map)
    {
        var name = map.String("cluster", required: true);
        if (name is not null && !Clusters.ContainsKey(name))
        {
            Context.Problem(map.Get("cluster")!, $"{map.Sub("cluster")}: unknown cluster '{name}' (declared: {string.Join(", ", Clusters.Keys)})");
        }

        return name;
    }
}

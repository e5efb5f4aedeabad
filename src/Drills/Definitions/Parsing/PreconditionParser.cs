using YamlDotNet.RepresentationModel;

namespace DrillBot.Drills.Definitions.Parsing;

/// <summary>Reads one precondition (<c>readyReplicas</c>).</summary>
internal static class PreconditionParser
{
    public static PreconditionDefinition? Parse(StepEnv env, YamlNode node, string path)
    {
        var outer = MapReader.Of(env.Context, node, path);
        if (outer is null)
        {
            return null;
        }

        var map = outer.Map("readyReplicas", required: true);
        outer.Done();
        if (map is null)
        {
            return null;
        }

        var cluster = env.Cluster(map);
        var ns = map.String("namespace") ?? env.Namespace;
        var deployment = map.String("deployment", required: true);
        var atLeast = map.Int("atLeast", min: 0) ?? 1;
        map.Done();
        return cluster is null || deployment is null ? null : new ReadyReplicasPrecondition(cluster, ns, deployment, atLeast, map.Location);
    }
}

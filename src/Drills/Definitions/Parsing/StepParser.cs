using YamlDotNet.RepresentationModel;

namespace DrillBot.Drills.Definitions.Parsing;

/// <summary>Reads one step: a mapping with exactly one key, the step kind.</summary>
internal static class StepParser
{
    private static readonly string[] Kinds = ["scale", "enableFailover", "distributeTraffic", "injectHttpFault", "failWorkload", "wait"];

    public static StepDefinition? Parse(StepEnv env, YamlNode node, string path)
    {
        var ctx = env.Context;
        if (node is not YamlMappingNode outer || outer.Children.Count != 1)
        {
            ctx.Problem(node, $"{path}: a step is a mapping with exactly one key, the step kind ({string.Join(", ", Kinds)})");
            return null;
        }

        var (keyNode, body) = outer.Children.First();
        var kind = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
        var stepPath = $"{path}.{kind}";
        if (kind == "wait" && body is YamlScalarNode)
        {
            var text = ctx.Scalar(body, stepPath);
            if (text is not null && DurationParser.TryParse(text, out var d) && d > TimeSpan.Zero)
            {
                return new WaitStep(d) { Location = ctx.At(keyNode) };
            }

            ctx.Problem(body, $"{stepPath}: bad duration '{text}' ({DurationParser.Hint})");
            return null;
        }

        if (!Kinds.Contains(kind, StringComparer.Ordinal))
        {
            ctx.Problem(keyNode, $"{path}: unknown step kind '{kind}' (known: {string.Join(", ", Kinds)})");
            return null;
        }

        var map = MapReader.Of(ctx, body, stepPath);
        if (map is null)
        {
            return null;
        }

        var step = kind switch
        {
            "scale" => Scale(env, map),
            "enableFailover" => TrafficStepParser.EnableFailover(env, map),
            "distributeTraffic" => TrafficStepParser.DistributeTraffic(env, map),
            "injectHttpFault" => InjectHttpFault(env, map),
            "failWorkload" => WorkloadStepParser.FailWorkload(env, map),
            _ => Wait(map),
        };
        map.Done();
        return step is null ? null : step with { Location = ctx.At(keyNode) };
    }

    private static StepDefinition? Scale(StepEnv env, MapReader map)
    {
        var cluster = env.Cluster(map);
        var ns = map.String("namespace") ?? env.Namespace;
        var deployment = map.String("deployment", required: true);
        var replicas = map.Int("replicas", required: true, min: 0);
        var fault = map.Bool("fault") ?? false;
        return cluster is null || deployment is null || replicas is null
            ? null
            : new ScaleStep { Cluster = cluster, Namespace = ns, Deployment = deployment, Replicas = replicas.Value, Fault = fault };
    }

    private static StepDefinition? Wait(MapReader map)
    {
        var duration = map.Duration("duration", required: true);
        var fault = map.Bool("fault") ?? false;
        return duration is null ? null : new WaitStep(duration.Value) { Fault = fault };
    }

    private static StepDefinition? InjectHttpFault(StepEnv env, MapReader map)
    {
        var cluster = env.Cluster(map);
        var ns = map.String("namespace") ?? env.Namespace;
        var host = map.String("host", required: true);
        var subset = map.String("subset", required: true);
        var vs = map.String("virtualService");
        var abort = map.Map("abort");
        var status = abort?.Int("httpStatus", required: true, min: 100, max: 599);
        abort?.Done();
        var delay = map.Map("delay");
        var fixedDelay = delay?.Duration("fixedDelay", required: true);
        delay?.Done();
        var percentage = map.Number("percentage", min: 0, max: 100) ?? 100;
        var fault = map.Bool("fault") ?? false;
        if (abort is null && delay is null)
        {
            env.Context.Problem(map.Location, $"{map.Path}: give 'abort: {{httpStatus: N}}' and/or 'delay: {{fixedDelay: D}}'");
            return null;
        }

        return cluster is null || host is null || subset is null
            ? null
            : new InjectHttpFaultStep
            {
                Cluster = cluster, Namespace = ns, Host = host, Subset = subset, VirtualService = vs ?? host,
                AbortStatus = status, Delay = fixedDelay, Percentage = percentage, Fault = fault,
            };
    }
}

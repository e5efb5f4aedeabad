using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace DrillBot.Drills.Definitions.Parsing;

/// <summary>Reads <c>failWorkload</c>: the pods selected by <c>workload</c> labels answer <c>httpStatus</c> themselves.</summary>
internal static partial class WorkloadStepParser
{
    public static StepDefinition? FailWorkload(StepEnv env, MapReader map)
    {
        var ctx = env.Context;
        var cluster = env.Cluster(map);
        var ns = map.String("namespace") ?? env.Namespace;
        var name = map.String("name");
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var workload = map.Map("workload", required: true);
        if (workload is not null)
        {
            foreach (var (k, _) in workload.Node.Children)
            {
                var key = (k as YamlScalarNode)?.Value ?? string.Empty;
                if (workload.String(key, required: true) is { } value)
                {
                    labels[key] = value;
                }
            }

            workload.Done();
            if (workload.Node.Children.Count == 0)
            {
                ctx.Problem(workload.Location, $"{workload.Path}: give the pod labels to fail, e.g. {{ app: reviews, version: v1 }} (an empty selector would fail every pod of the namespace)");
            }
        }

        var status = map.Int("httpStatus", min: 200, max: 599) ?? 503; // Envoy's fault filter accepts 200-599
        var percentage = map.Number("percentage", min: 0, max: 100) ?? 100;
        var fault = map.Bool("fault") ?? false;
        if (percentage <= 0 && map.Get("percentage") is { } zero)
        {
            ctx.Problem(zero, $"{map.Sub("percentage")}: 0 fails nothing; give a share above 0 (up to 100)");
        }

        name ??= labels.Count == 0 ? null : DefaultName(labels);
        if (name is not null && !ObjectName().IsMatch(name))
        {
            ctx.Problem(map.Get("name") ?? map.Node, $"{map.Sub("name")}: '{name}' is not a valid object name (lower-case letters, digits, '-', '.'; give 'name')");
        }

        return cluster is null || workload is null || labels.Count == 0 || name is null
            ? null
            : new FailWorkloadStep { Cluster = cluster, Namespace = ns, Name = name, Workload = labels, HttpStatus = status, Percentage = percentage, Fault = fault };
    }

    /// <summary><c>drillbot-fail-{app}-{version}</c> for the usual labels, otherwise every label value in key order.</summary>
    internal static string DefaultName(IReadOnlyDictionary<string, string> labels)
    {
        var parts = labels.TryGetValue("app", out var app)
            ? new[] { app }.Concat(labels.Where(kv => kv.Key != "app").Select(kv => kv.Value))
            : labels.Values;
        return "drillbot-fail-" + string.Join("-", parts).ToLowerInvariant();
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$")]
    private static partial Regex ObjectName();
}

using DrillBot.Drills.Definitions;
using DrillBot.Drills.Definitions.Parsing;
using YamlDotNet.RepresentationModel;

namespace DrillBot.Drills.Telemetry.Parsing;

/// <summary>Reads the top-level <c>telemetry:</c> block (docs/drills-yaml.md#telemetry).</summary>
internal static class TelemetryParser
{
    public static TelemetryDefinition? Parse(YamlContext ctx, MapReader? map, IReadOnlyDictionary<string, ClusterDefinition> clusters)
    {
        if (map is null)
        {
            return null;
        }

        var url = map.String("prometheus", required: true);
        var scrape = map.Duration("scrapeInterval");
        var timeout = map.Duration("timeout");
        var ingress = map.Map("ingress");
        var workload = ingress?.String("workload");
        var ns = ingress?.String("namespace");
        ingress?.Done();
        var classes = Classes(ctx, map.Map("classes")) ?? FromClusters(clusters);
        map.Done();

        Uri? prometheus = null;
        if (!string.IsNullOrWhiteSpace(url) && !ctx.IsUnknown(map.Get("prometheus")))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out prometheus) || prometheus.Scheme is not ("http" or "https"))
            {
                ctx.Problem(map.Get("prometheus")!, $"{map.Sub("prometheus")}: '{url}' is not an absolute http(s) URL (the base of Prometheus' HTTP API, e.g. http://prometheus.istio-system:9090)");
                prometheus = null;
            }
        }

        var d = new TelemetryDefinition();
        return new TelemetryDefinition
        {
            Prometheus = prometheus,
            ScrapeInterval = scrape ?? d.ScrapeInterval,
            Timeout = timeout ?? d.Timeout,
            IngressWorkload = workload ?? d.IngressWorkload,
            IngressNamespace = ns ?? d.IngressNamespace,
            Classes = classes,
            Location = map.Location,
        };
    }

    /// <summary><c>classes: { cn-hangzhou: ack-hangzhou, cn-shanghai: [ c-1, c-2 ] }</c>: class → destination_cluster values.</summary>
    private static Dictionary<string, IReadOnlyList<string>>? Classes(YamlContext ctx, MapReader? map)
    {
        if (map is null)
        {
            return null;
        }

        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Node.Children)
        {
            var cls = ((YamlScalarNode)k).Value ?? string.Empty;
            map.Get(cls);
            var path = map.Sub(cls);
            result[cls] = v is YamlSequenceNode seq
                ? seq.Children.Select(c => ctx.Scalar(c, path)).OfType<string>().ToList()
                : ctx.Scalar(v, path) is { } one ? [one] : [];
        }

        map.Done();
        foreach (var dup in result.SelectMany(kv => kv.Value.Select(c => (Class: kv.Key, Cluster: c))).GroupBy(x => x.Cluster).Where(g => g.Count() > 1))
        {
            ctx.Problem(map.Location, $"{map.Path}: destination_cluster '{dup.Key}' is mapped to more than one class ({string.Join(", ", dup.Select(x => x.Class))})");
        }

        return result;
    }

    private static Dictionary<string, IReadOnlyList<string>> FromClusters(IReadOnlyDictionary<string, ClusterDefinition> clusters) =>
        clusters.Values.Where(c => c.Region is not null && c.Context is not null).GroupBy(c => c.Region!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(c => c.Context!).ToList(), StringComparer.Ordinal);
}

using DrillBot.Drills.Scheduling;
using DrillBot.Drills.Telemetry.Parsing;
using YamlDotNet.RepresentationModel;

namespace DrillBot.Drills.Definitions.Parsing;

/// <summary>Reads the top level of a drills file: clusters, defaults, blackouts, then each drill.</summary>
internal static class ConfigParser
{
    public static DrillsConfig? Parse(YamlContext ctx, YamlNode root)
    {
        var map = MapReader.Of(ctx, root, "(top)");
        if (map is null)
        {
            return null;
        }

        var clusters = ParseClusters(ctx, map);
        var defaults = ParseDefaults(ctx, map.Map("defaults"));
        var blackouts = map.List("blackouts").Select((n, i) => ParseBlackout(ctx, n, $"blackouts[{i}]", defaults.TimeZone)).OfType<BlackoutDefinition>().ToList();
        var telemetry = TelemetryParser.Parse(ctx, map.Map("telemetry"), clusters);
        var drillNodes = map.List("drills", required: true);
        map.Done();

        var drills = new List<DrillDefinition>();
        for (var i = 0; i < drillNodes.Count; i++)
        {
            var drill = DrillParser.Parse(ctx, drillNodes[i], $"drills[{i}]", clusters, defaults);
            if (drill is not null)
            {
                drills.Add(drill);
            }
        }

        foreach (var duplicate in drills.GroupBy(d => d.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            foreach (var d in duplicate.Skip(1))
            {
                ctx.Problem(d.Location, $"duplicate drill name '{d.Name}' (first at {duplicate.First().Location.Line}:{duplicate.First().Location.Column})");
            }
        }

        TelemetryRules.Check(ctx, telemetry, drills);
        return new DrillsConfig(ctx.File, clusters, defaults, blackouts, drills) { Telemetry = telemetry };
    }

    private static Dictionary<string, ClusterDefinition> ParseClusters(YamlContext ctx, MapReader map)
    {
        var result = new Dictionary<string, ClusterDefinition>(StringComparer.Ordinal);
        var clusters = map.Map("clusters", required: true);
        if (clusters is null)
        {
            return result;
        }

        foreach (var (k, v) in clusters.Node.Children)
        {
            var name = ((YamlScalarNode)k).Value ?? string.Empty;
            clusters.Get(name);
            var c = MapReader.Of(ctx, v, $"clusters.{name}");
            if (c is null)
            {
                continue;
            }

            var context = c.String("context");
            var kubeconfig = c.String("kubeconfig");
            var inCluster = c.Bool("inCluster") ?? false;
            var region = c.String("region");
            c.Done();
            if (inCluster == (context is not null))
            {
                ctx.Problem(v, $"clusters.{name}: give exactly one of 'context' (a kubeconfig context) or 'inCluster: true'");
            }

            result[name] = new ClusterDefinition(name, context, kubeconfig, inCluster, ctx.At(k)) { Region = region };
        }

        return result;
    }

    private static DefaultsDefinition ParseDefaults(YamlContext ctx, MapReader? map)
    {
        if (map is null)
        {
            return DefaultsDefinition.Standard;
        }

        var ns = map.String("namespace") ?? DefaultsDefinition.Standard.Namespace;
        var tz = TimeZoneOf(ctx, map, "timeZone") ?? DefaultsDefinition.Standard.TimeZone;
        map.Done();
        return new DefaultsDefinition(ns, tz);
    }

    private static BlackoutDefinition? ParseBlackout(YamlContext ctx, YamlNode node, string path, TimeZoneInfo defaultZone)
    {
        var map = MapReader.Of(ctx, node, path);
        if (map is null)
        {
            return null;
        }

        var name = map.String("name", required: true);
        var tz = TimeZoneOf(ctx, map, "timeZone") ?? defaultZone;
        var cron = Cron(ctx, map, "cron", tz, required: true);
        map.Done();
        return name is null || cron is null ? null : new BlackoutDefinition(name, cron.Expression, tz, cron, map.Location);
    }

    public static TimeZoneInfo? TimeZoneOf(YamlContext ctx, MapReader map, string key)
    {
        var text = map.String(key);
        if (text is null)
        {
            return null;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(text, out var zone))
        {
            return zone;
        }

        ctx.Problem(map.Get(key)!, $"{map.Sub(key)}: unknown time zone '{text}' (use an IANA name such as Asia/Shanghai or UTC)");
        return null;
    }

    /// <summary>The cron expression at <paramref name="key"/> parsed in <paramref name="zone"/>; null (and a problem naming the place) when it is missing or bad.</summary>
    public static ICronSchedule? Cron(YamlContext ctx, MapReader map, string key, TimeZoneInfo zone, bool required = false)
    {
        var text = map.String(key, required);
        if (text is null)
        {
            return null;
        }

        try
        {
            return ctx.Cron.Parse(text, zone);
        }
        catch (FormatException e)
        {
            ctx.Problem(map.Get(key)!, $"{map.Sub(key)}: bad Quartz cron expression '{text}': {e.Message}");
            return null;
        }
    }
}

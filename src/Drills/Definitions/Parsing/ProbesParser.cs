using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace DrillBot.Drills.Definitions.Parsing;

/// <summary>
/// Reads <c>probes:</c> (docs/drills-yaml.md#probes): one probe per entry point, each <c>{name, url, expect?}</c>,
/// sharing the drill's <c>probe:</c> settings (interval, timeout, maxInFlight, classify).
/// </summary>
internal static partial class ProbesParser
{
    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    public static IReadOnlyList<NamedProbe> Parse(YamlContext ctx, MapReader drill, IReadOnlyList<YamlNode> nodes, ProbeDefinition? shared, ExpectDefinition? expect)
    {
        var path = drill.Sub("probes");
        if (nodes.Count == 0 && drill.Get("probes") is { } empty)
        {
            ctx.Problem(empty, $"{path}: give at least one {{name, url}} entry, or use 'probe.url' for a single probe");
        }

        var probes = new List<NamedProbe>();
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            var map = MapReader.Of(ctx, nodes[i], $"{path}[{i}]");
            if (map is null)
            {
                continue;
            }

            var name = map.String("name", required: true);
            var url = ProbeParser.Url(ctx, map);
            var own = ExpectParser.Parse(ctx, map.Map("expect"), expect ?? Empty);
            map.Done();
            if (name is not null && !NamePattern().IsMatch(name))
            {
                ctx.Problem(map.Get("name")!, $"{map.Sub("name")}: '{name}' is not a probe name (lower-case letters, digits and '-', at most 40, e.g. via-hangzhou)");
                name = null;
            }
            else if (name is not null && seen.TryGetValue(name, out var first))
            {
                ctx.Problem(map.Get("name")!, $"{map.Sub("name")}: duplicate probe name '{name}' (first at {first.Line}:{first.Column})");
                name = null;
            }

            if (name is not null)
            {
                seen[name] = ctx.At(map.Get("name")!);
            }

            if (name is not null && url is not null && shared is not null && expect is not null && own is not null)
            {
                probes.Add(new NamedProbe(name, shared with { Url = url }, own) { Location = map.Location });
            }
        }

        return probes;
    }

    private static readonly ExpectDefinition Empty = new(null, new Dictionary<string, ShareExpectation>(), 0, null);
}

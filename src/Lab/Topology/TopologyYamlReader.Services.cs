using YamlDotNet.RepresentationModel;

namespace DrillBot.Lab;

/// <summary>The <c>services:</c> section: per-app Service settings (<c>trafficDistribution</c>).</summary>
internal sealed partial class TopologyYamlReader
{
    private Dictionary<string, LabServiceSpec> ReadServices((YamlNode Node, string Path) field)
    {
        var result = new Dictionary<string, LabServiceSpec>(StringComparer.Ordinal);
        if (Mapping(field.Node, field.Path) is not { } map)
        {
            return result;
        }

        foreach (var (keyNode, value) in map.Children)
        {
            var app = (keyNode as YamlScalarNode)?.Value ?? "";
            var path = $"{field.Path}.{app}";
            _marks[path] = value.Start;
            if (Mapping(value, path) is not { } serviceMap)
            {
                continue;
            }

            var f = Fields(serviceMap, path, ["trafficDistribution"]);
            var distribution = Str(f, "trafficDistribution");
            if (distribution is not (null or "PreferClose" or "PreferSameZone"))
            {
                Problem(f["trafficDistribution"].Node, $"{path}.trafficDistribution: '{distribution}' is not PreferClose or PreferSameZone");
                distribution = null;
            }

            result[app] = new LabServiceSpec { TrafficDistribution = distribution };
        }

        return result;
    }
}

using YamlDotNet.RepresentationModel;

namespace DrillBot.Lab;

/// <summary>The <c>load:</c> section: background users per entry point.</summary>
internal sealed partial class TopologyYamlReader
{
    private LabLoadSpec? ReadLoad(YamlNode node, string path)
    {
        if (Mapping(node, path) is not { } map)
        {
            return null;
        }

        var f = Fields(map, path, ["entry", "rate", "paths", "maxInFlight"]);
        if (Double(f, "rate") is not { } rate)
        {
            if (!f.ContainsKey("rate"))
            {
                Problem(node, $"{path}.rate: required (requests per second)");
            }

            return null;
        }

        var spec = new LabLoadSpec(rate) { Entry = Str(f, "entry"), MaxInFlight = Int(f, "maxInFlight") ?? 64 };
        return f.TryGetValue("paths", out var p) ? spec with { Paths = ReadList(p.Node, p.Path, Scalar) } : spec;
    }
}

using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace DrillBot.Lab;

/// <summary>Typed field access with located problems (wrong type, unknown field, missing value).</summary>
internal sealed partial class TopologyYamlReader
{
    private YamlMappingNode? Mapping(YamlNode node, string path)
    {
        if (node is YamlMappingNode map)
        {
            return map;
        }

        Problem(node, $"{(path.Length == 0 ? "topology" : path)}: expected a mapping");
        return null;
    }

    private Dictionary<string, (YamlNode Node, string Path)> Fields(YamlMappingNode map, string path, string[] allowed)
    {
        var result = new Dictionary<string, (YamlNode, string)>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var fieldPath = path.Length == 0 ? key : $"{path}.{key}";
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                Problem(keyNode, $"{fieldPath}: unknown field (expected one of: {string.Join(", ", allowed)})");
                continue;
            }

            _marks[fieldPath] = value.Start;
            result[key] = (value, fieldPath);
        }

        return result;
    }

    private string? Scalar(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value;
        }

        Problem(node, $"{path}: expected a non-empty value");
        return null;
    }

    private string? Str(Dictionary<string, (YamlNode Node, string Path)> f, string key) =>
        f.TryGetValue(key, out var v) ? Scalar(v.Node, v.Path) : null;

    private int? Int(Dictionary<string, (YamlNode Node, string Path)> f, string key) =>
        Convert<int>(f, key, "an integer", s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null);

    private double? Double(Dictionary<string, (YamlNode Node, string Path)> f, string key) =>
        Convert<double>(f, key, "a number", s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null);

    private bool? Bool(Dictionary<string, (YamlNode Node, string Path)> f, string key) =>
        Convert<bool>(f, key, "true or false", s => bool.TryParse(s, out var v) ? v : null);

    private TimeSpan? Duration(Dictionary<string, (YamlNode Node, string Path)> f, string key) =>
        Convert<TimeSpan>(f, key, "a duration such as 300ms, 1s or 1m", s => DurationParser.TryParse(s, out var v) ? v : null);

    private T? Convert<T>(Dictionary<string, (YamlNode Node, string Path)> f, string key, string expected, Func<string, T?> parse)
        where T : struct
    {
        if (!f.TryGetValue(key, out var v) || Scalar(v.Node, v.Path) is not { } text)
        {
            return null;
        }

        var parsed = parse(text);
        if (parsed is null)
        {
            Problem(v.Node, $"{v.Path}: '{text}' is not {expected}");
        }

        return parsed;
    }

    private void Problem(YamlNode node, string message) =>
        _problems.Add($"{fileName}:{node.Start.Line}:{node.Start.Column}: {message}");

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }
}

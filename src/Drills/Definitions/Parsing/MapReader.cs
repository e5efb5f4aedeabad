using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace DrillBot.Drills.Definitions.Parsing;

/// <summary>
/// Reads one YAML mapping field by field, reporting type errors and missing required fields into
/// the context; <see cref="Done"/> reports every key that was never asked for as unknown.
/// </summary>
internal sealed class MapReader(YamlContext context, YamlMappingNode node, string path)
{
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public YamlContext Context { get; } = context;

    public YamlMappingNode Node { get; } = node;

    public string Path { get; } = path;

    public SourceLocation Location => Context.At(Node);

    public static MapReader? Of(YamlContext context, YamlNode node, string path)
    {
        if (node is YamlMappingNode map)
        {
            return new MapReader(context, map, path);
        }

        context.Problem(node, $"{path}: expected a mapping, found a {YamlContext.Describe(node)}");
        return null;
    }

    public YamlNode? Get(string key, bool required = false)
    {
        _known.Add(key);
        foreach (var (k, v) in Node.Children)
        {
            if (k is YamlScalarNode s && string.Equals(s.Value, key, StringComparison.Ordinal))
            {
                // `key:` with nothing after it is absent (a required one is missing)
                var empty = v is YamlScalarNode { Value: null or "" } e && e.Style == YamlDotNet.Core.ScalarStyle.Plain;
                return !empty ? v : required ? Missing(key) : null;
            }
        }

        return required ? Missing(key) : null;
    }

    private YamlNode? Missing(string key)
    {
        Context.Problem(Node, $"{Path}: missing required field '{key}'");
        return null;
    }

    public string Sub(string key) => $"{Path}.{key}";

    public string? String(string key, bool required = false)
    {
        var n = Get(key, required);
        return n is null ? null : Context.Scalar(n, Sub(key));
    }

    public TimeSpan? Duration(string key, bool required = false, bool allowZero = false)
    {
        var n = Get(key, required);
        var text = n is null ? null : Context.Scalar(n, Sub(key));
        if (text is null || n is null)
        {
            return null;
        }

        if (!DurationParser.TryParse(text, out var value) || (!allowZero && value <= TimeSpan.Zero))
        {
            Context.Problem(n, $"{Sub(key)}: bad duration '{text}' ({DurationParser.Hint})");
            return null;
        }

        return value;
    }

    public double? Number(string key, bool required = false, double min = double.MinValue, double max = double.MaxValue)
    {
        var n = Get(key, required);
        var text = n is null ? null : Context.Scalar(n, Sub(key));
        if (text is null || n is null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Context.Problem(n, $"{Sub(key)}: expected a number between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}, found '{text}'");
            return null;
        }

        return value;
    }

    public int? Int(string key, bool required = false, int min = int.MinValue, int max = int.MaxValue)
    {
        var n = Get(key, required);
        var text = n is null ? null : Context.Scalar(n, Sub(key));
        if (text is null || n is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            var range = max == int.MaxValue ? $"at least {min}" : $"between {min} and {max}";
            Context.Problem(n, $"{Sub(key)}: expected a whole number {range}, found '{text}'");
            return null;
        }

        return value;
    }

    public bool? Bool(string key)
    {
        var n = Get(key);
        var text = n is null ? null : Context.Scalar(n, Sub(key));
        if (text is null || n is null)
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Context.Problem(n, $"{Sub(key)}: expected true or false, found '{text}'");
        return null;
    }

    public MapReader? Map(string key, bool required = false)
    {
        var n = Get(key, required);
        return n is null ? null : Of(Context, n, Sub(key));
    }

    public IReadOnlyList<YamlNode> List(string key, bool required = false)
    {
        var n = Get(key, required);
        switch (n)
        {
            case null:
                return [];
            case YamlSequenceNode seq:
                return seq.Children.ToList();
            default:
                Context.Problem(n, $"{Sub(key)}: expected a list, found a {YamlContext.Describe(n)}");
                return [];
        }
    }

    /// <summary>The known field <paramref name="name"/> means when written in another casing (observe_for, ObserveFor, observe-for).</summary>
    private string? CamelCaseOf(string name)
    {
        var bare = name.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        return _known.FirstOrDefault(k => string.Equals(k, bare, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Reports every key never asked for.</summary>
    public void Done()
    {
        foreach (var (k, _) in Node.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? "?";
            if (!_known.Contains(name))
            {
                Context.Problem(k, CamelCaseOf(name) is { } meant
                    ? $"{Path}: unknown field '{name}' (field names are camelCase: did you mean '{meant}'?)"
                    : $"{Path}: unknown field '{name}' (known: {string.Join(", ", _known)})");
            }
        }
    }
}

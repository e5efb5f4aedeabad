using DrillBot.Drills.Scheduling;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DrillBot.Drills.Definitions.Parsing;

/// <summary>
/// Collects problems while a drills file is read; expands environment variables in scalars. With
/// <paramref name="undefinedAsWarning"/> (<c>drillbot validate</c>) an undefined variable is a warning and
/// its value is unknown: it keeps the <c>${VAR}</c> text and problems about that value alone are not reported.
/// </summary>
internal sealed class YamlContext(string file, Func<string, string?> environment, ICronParser cron, bool undefinedAsWarning = false)
{
    private readonly List<ValidationProblem> _problems = [];
    private readonly List<ValidationProblem> _warnings = [];
    private readonly HashSet<YamlNode> _unknown = new(ReferenceEqualityComparer.Instance);

    public string File { get; } = file;

    /// <summary>Parses schedules and blackout windows.</summary>
    public ICronParser Cron { get; } = cron;

    public IReadOnlyList<ValidationProblem> Problems => _problems;

    public IReadOnlyList<ValidationProblem> Warnings => _warnings;

    /// <summary>True when the node's value depends on an undefined variable (warning mode only).</summary>
    public bool IsUnknown(YamlNode? node) => node is not null && _unknown.Contains(node);

    public SourceLocation At(YamlNode node) => At(node.Start);

    public SourceLocation At(Mark mark) => new(File, (int)mark.Line, (int)mark.Column);

    public void Problem(YamlNode node, string message)
    {
        if (!IsUnknown(node))
        {
            _problems.Add(new ValidationProblem(At(node), message));
        }
    }

    public void Problem(SourceLocation location, string message) => _problems.Add(new ValidationProblem(location, message));

    public void Warn(SourceLocation location, string message) => _warnings.Add(new ValidationProblem(location, message));

    /// <summary>The scalar's text with <c>${VAR}</c> and <c>${VAR:-default}</c> expanded; null (and a problem) when not a scalar or a variable is undefined.</summary>
    public string? Scalar(YamlNode node, string path)
    {
        if (node is not YamlScalarNode scalar)
        {
            Problem(node, $"{path}: expected a single value, found a {Describe(node)}");
            return null;
        }

        var text = scalar.Value ?? string.Empty;
        if (IsUnknown(node))
        {
            return text;
        }

        var (expanded, undefined) = EnvExpander.Expand(text, environment);
        foreach (var name in undefined)
        {
            (undefinedAsWarning ? _warnings : _problems).Add(new ValidationProblem(At(node), $"{path}: undefined environment variable {name} (set it, or write ${{{name}:-default}})"));
        }

        if (undefined.Count > 0 && undefinedAsWarning)
        {
            _unknown.Add(node);
            return text;
        }

        // a value with an undefined variable is unknown: one problem for it, not a second about its shape
        return undefined.Count > 0 ? null : expanded;
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        _ => "value",
    };
}

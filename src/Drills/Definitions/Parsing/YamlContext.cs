using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DrillBot.Drills.Definitions.Parsing;

/// <summary>Collects problems while a drills file is read; expands environment variables in scalars.</summary>
internal sealed class YamlContext(string file, Func<string, string?> environment)
{
    private readonly List<ValidationProblem> _problems = [];
    private readonly List<ValidationProblem> _warnings = [];

    public string File { get; } = file;

    public IReadOnlyList<ValidationProblem> Problems => _problems;

    /// <summary>Things that are valid but probably do not test what the drill claims (printed by <c>drillbot validate</c>).</summary>
    public IReadOnlyList<ValidationProblem> Warnings => _warnings;

    public SourceLocation At(YamlNode node) => At(node.Start);

    public SourceLocation At(Mark mark) => new(File, (int)mark.Line, (int)mark.Column);

    public void Problem(YamlNode node, string message) => _problems.Add(new ValidationProblem(At(node), message));

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
        var (expanded, undefined) = EnvExpander.Expand(text, environment);
        foreach (var name in undefined)
        {
            Problem(node, $"{path}: undefined environment variable {name} (set it, or write ${{{name}:-default}})");
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

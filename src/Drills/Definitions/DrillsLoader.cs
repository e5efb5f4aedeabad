using DrillBot.Drills.Definitions.Parsing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DrillBot.Drills.Definitions;

/// <summary>Reads and validates drills.yaml, reporting every problem at once.</summary>
public static class DrillsLoader
{
    /// <summary>Loads a file; <paramref name="environment"/> resolves <c>${VAR}</c> (default: the process environment).</summary>
    public static DrillsLoadResult LoadFile(string path, Func<string, string?>? environment = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new DrillsLoadResult(null, [new ValidationProblem(new SourceLocation(path, 0, 0), $"cannot read the file: {e.Message}")]);
        }

        return Parse(text, path, environment);
    }

    /// <summary>Parses drills.yaml text; <paramref name="file"/> names it in problems.</summary>
    public static DrillsLoadResult Parse(string text, string file, Func<string, string?>? environment = null)
    {
        var ctx = new YamlContext(file, environment ?? Environment.GetEnvironmentVariable);
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(text);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
            ctx.Problem(ctx.At(e.Start), $"not valid YAML: {message}");
            return new DrillsLoadResult(null, ctx.Problems);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner can fail this way at the end of an unterminated flow collection
            var lines = text.Split('\n').Length;
            ctx.Problem(new SourceLocation(file, lines, 1), $"not valid YAML: unexpected end of the file (an unclosed {{ or [ ?) ({e.Message})");
            return new DrillsLoadResult(null, ctx.Problems);
        }

        if (stream.Documents.Count != 1)
        {
            ctx.Problem(new SourceLocation(file, 1, 1), $"expected exactly one YAML document, found {stream.Documents.Count}");
            return new DrillsLoadResult(null, ctx.Problems);
        }

        var config = ConfigParser.Parse(ctx, stream.Documents[0].RootNode);
        var problems = ctx.Problems.OrderBy(p => p.Location.Line).ThenBy(p => p.Location.Column).ToList();
        var warnings = ctx.Warnings.OrderBy(p => p.Location.Line).ThenBy(p => p.Location.Column).ToList();
        return new DrillsLoadResult(problems.Count == 0 ? config : null, problems) { Warnings = warnings };
    }
}

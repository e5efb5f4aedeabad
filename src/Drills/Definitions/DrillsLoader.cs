using DrillBot.Drills.Definitions.Parsing;
using DrillBot.Drills.Scheduling;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DrillBot.Drills.Definitions;

/// <summary>Reads and validates drills.yaml, reporting every problem at once.</summary>
public static class DrillsLoader
{
    /// <summary>
    /// Loads a file; <paramref name="cron"/> parses schedules and blackouts; <paramref name="environment"/> resolves <c>${VAR}</c> (default: the process environment).
    /// <paramref name="undefinedAsWarning"/>: an undefined variable without a default is a warning, not a problem (validate).
    /// </summary>
    public static DrillsLoadResult LoadFile(string path, ICronParser cron, Func<string, string?>? environment = null, bool undefinedAsWarning = false)
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

        return Parse(text, path, cron, environment, undefinedAsWarning);
    }

    /// <summary>Parses drills.yaml text; <paramref name="file"/> names it in problems; <paramref name="cron"/> parses schedules and blackouts.</summary>
    public static DrillsLoadResult Parse(string text, string file, ICronParser cron, Func<string, string?>? environment = null, bool undefinedAsWarning = false)
    {
        var ctx = new YamlContext(file, environment ?? Environment.GetEnvironmentVariable, cron, undefinedAsWarning);
        if (DuplicateKeys.Check(ctx, text) && ctx.Problems.Count > 0)
        {
            return new DrillsLoadResult(null, ctx.Problems);
        }

        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(text);
            stream.Load(reader);
        }
        catch (Exception e) when (IsAboutTabs(e) && TabIndentation.Find(text) is { } tab)
        {
            // YamlDotNet places a tab in indentation at the start of its block (often 1:1), not at the tab
            ctx.Problem(new SourceLocation(file, tab.Line, tab.Column), "tab in indentation; YAML needs spaces");
            return new DrillsLoadResult(null, ctx.Problems);
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

    private static bool IsAboutTabs(Exception e) =>
        e is InvalidOperationException
        || (e is YamlException && $"{e.Message} {e.InnerException?.Message}".Contains("tab", StringComparison.OrdinalIgnoreCase));
}

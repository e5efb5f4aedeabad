using System.Text.RegularExpressions;

namespace DrillBot.TestSupport;

/// <summary>Finds namespace imports and qualified names of forbidden namespaces in C# source text (the architecture tests' eyes).</summary>
public static partial class SourceScan
{
    /// <summary>The C# files under <paramref name="directory"/>, without bin/ and obj/.</summary>
    public static IEnumerable<string> CSharpFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));

    /// <summary>
    /// Each <c>using</c> (plain, global, static or alias) of a namespace equal to or under one of <paramref name="forbidden"/>,
    /// and each qualified name starting with one (<c>Quartz.CronExpression</c>), as "line N: text". Comments are not read.
    /// </summary>
    public static IReadOnlyList<string> Uses(string source, IReadOnlyCollection<string> forbidden)
    {
        var hits = new List<string>();
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var code = Comment().Replace(lines[i], string.Empty);
            var named = UsingDirective().Match(code) is { Success: true } directive
                ? [directive.Groups["ns"].Value]
                : QualifiedName().Matches(code).Select(m => m.Groups["name"].Value);
            if (named.Any(name => forbidden.Any(f => name == f || name.StartsWith(f + ".", StringComparison.Ordinal))))
            {
                hits.Add($"line {i + 1}: {lines[i].Trim()}");
            }
        }

        return hits;
    }

    [GeneratedRegex(@"//.*$|/\*.*?\*/|""(?:[^""\\]|\\.)*""")]
    private static partial Regex Comment();

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?(?<ns>[\w.]+)\s*;")]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"(?<![\w.:])(?:global::)?(?<name>[A-Z]\w*(?:\.\w+)+)")]
    private static partial Regex QualifiedName();
}

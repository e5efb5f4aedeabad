using System.Text.RegularExpressions;

namespace DrillBot.Tests.Observability;

/// <summary>
/// The metric names a PromQL expression reads. A small lexer, not a parser: strings, label matchers,
/// ranges and grouping label lists are removed; of the identifiers left, those followed by "(" are
/// functions or aggregations, keywords are skipped, and the rest are metric names. Grafana variables
/// ($drill, $__rate_interval) are not identifiers.
/// </summary>
internal static partial class PromQlMetricNames
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset",
        "and", "or", "unless", "atan2", "inf", "nan", "Inf", "NaN",
    };

    public static IReadOnlySet<string> Extract(string expression)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in NameMatcher().Matches(expression))
        {
            names.Add(m.Groups["name"].Value);
        }

        var text = StringLiteral().Replace(expression, "\"\"");
        text = LabelMatchers().Replace(text, " ");
        text = Brackets().Replace(text, " ");
        text = GroupingList().Replace(text, " ");
        foreach (Match m in Identifier().Matches(text))
        {
            var followedByParen = text.AsSpan(m.Index + m.Length).TrimStart().StartsWith("(");
            if (!followedByParen && !Keywords.Contains(m.Value))
            {
                names.Add(m.Value);
            }
        }

        return names;
    }

    [GeneratedRegex("""__name__\s*=\s*"(?<name>[^"]+)"|__name__\s*=\s*'(?<name>[^']+)'""")]
    private static partial Regex NameMatcher();

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""|'(?:[^'\\]|\\.)*'|`[^`]*`")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex LabelMatchers();

    [GeneratedRegex(@"\[[^\[\]]*\]")]
    private static partial Regex Brackets();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^()]*\)")]
    private static partial Regex GroupingList();

    [GeneratedRegex(@"(?<![\w:$.])[A-Za-z_:][A-Za-z0-9_:]*")]
    private static partial Regex Identifier();
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace DrillBot.Drills.Definitions.Parsing;

/// <summary>
/// The one duration grammar of drills.yaml (and of drillbot's duration settings): numbers with units,
/// largest unit first, each unit at most once: <c>100ms</c>, <c>2s</c>, <c>1.5s</c>, <c>1m</c>, <c>1h30m</c>,
/// <c>1m30s500ms</c>. Documented in docs/drills-yaml.md (Conventions).
/// </summary>
internal static partial class DurationParser
{
    /// <summary>The hint every "bad duration" message ends with.</summary>
    public const string Hint = "use a positive number with a unit, largest first: 100ms, 2s, 1m, 1h30m";

    [GeneratedRegex(@"^(?=\d)(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+(?:\.\d+)?)ms)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Whole();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ms|s|m|h)", RegexOptions.CultureInvariant)]
    private static partial Regex Part();

    public static bool TryParse(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (!Whole().IsMatch(text))
        {
            return false;
        }

        double ms = 0;
        foreach (Match part in Part().Matches(text))
        {
            var number = double.Parse(part.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            ms += part.Groups[2].Value switch
            {
                "ms" => number,
                "s" => number * 1000,
                "m" => number * 60_000,
                _ => number * 3_600_000,
            };
        }

        if (ms > TimeSpan.FromDays(365).TotalMilliseconds)
        {
            return false;
        }

        value = TimeSpan.FromMilliseconds(ms);
        return true;
    }

    /// <summary>The shortest drills.yaml spelling of a duration (e.g. <c>1m30s</c>, <c>250ms</c>).</summary>
    public static string Format(TimeSpan value)
    {
        if (value.TotalMilliseconds < 1000 || value.Milliseconds != 0)
        {
            return value.TotalSeconds >= 1
                ? $"{value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s"
                : $"{value.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture)}ms";
        }

        var parts = string.Empty;
        if (value.Days * 24 + value.Hours > 0)
        {
            parts += $"{(value.Days * 24) + value.Hours}h";
        }

        if (value.Minutes > 0)
        {
            parts += $"{value.Minutes}m";
        }

        if (value.Seconds > 0)
        {
            parts += $"{value.Seconds}s";
        }

        return parts;
    }
}

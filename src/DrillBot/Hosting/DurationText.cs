using System.Globalization;
using DrillBot.Drills.Definitions.Parsing;

namespace DrillBot.Hosting;

/// <summary>
/// Durations in environment variables: drills.yaml's one grammar (<c>500ms</c>, <c>25s</c>, <c>1.5m</c>,
/// <c>1h30m</c>; docs/drills-yaml.md), and for settings written before it, a plain number of seconds (<c>10</c>).
/// </summary>
internal static class DurationText
{
    /// <summary>The duration, or null when <paramref name="text"/> is not one.</summary>
    public static TimeSpan? Parse(string text)
    {
        if (text.Length > 0 && text.All(c => char.IsAsciiDigit(c) || c == '.') && double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DurationParser.TryParse(text, out var value) ? value : null;
    }

    /// <summary>
    /// Reads the variable <paramref name="name"/>: <paramref name="fallback"/> when unset; the value when it parses and
    /// lies in [<paramref name="min"/>, <paramref name="max"/>]; else a problem naming the variable and <paramref name="fallback"/>.
    /// </summary>
    public static TimeSpan Read(Func<string, string?> getVariable, string name, TimeSpan fallback, TimeSpan min, TimeSpan max, List<string> problems)
    {
        var text = getVariable(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (Parse(text.Trim()) is { } value && value >= min && value <= max)
        {
            return value;
        }

        problems.Add($"{name} must be a duration between {Show(min)} and {Show(max)} such as {Show(fallback)}, got '{text.Trim()}'.");
        return fallback;
    }

    /// <summary>Short text of a duration: 500ms, 25s, 10m.</summary>
    public static string Show(TimeSpan value) =>
        value < TimeSpan.FromSeconds(1) ? $"{value.TotalMilliseconds:0}ms"
        : value < TimeSpan.FromMinutes(1) || value.TotalSeconds % 60 != 0 ? string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds:0.###}s")
        : $"{value.TotalMinutes:0}m";
}

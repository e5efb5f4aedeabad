using System.Globalization;
using System.Text.RegularExpressions;

namespace DrillBot.Hosting;

/// <summary>Durations in environment variables: <c>25s</c>, <c>10</c> (seconds), <c>1.5m</c>, <c>500ms</c>.</summary>
internal static partial class DurationText
{
    [GeneratedRegex(@"^(\d+(?:\.\d+)?)(ms|s|m)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>The duration, or null when <paramref name="text"/> is not one.</summary>
    public static TimeSpan? Parse(string text)
    {
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var number = double.Parse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(number),
            "m" => TimeSpan.FromMinutes(number),
            _ => TimeSpan.FromSeconds(number),
        };
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

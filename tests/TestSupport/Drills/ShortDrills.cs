using System.Text.RegularExpressions;

namespace DrillBot.TestSupport.Drills;

/// <summary>
/// The repository's drills.yaml with the short timings of the process-level reliability tests and benchmarks
/// (probe every 25 ms, steady state 0.3 s, observe 2 s) and without blackouts, as text: the real drillbot
/// parses it like a user's file.
/// </summary>
public static partial class ShortDrills
{
    public static string From(string yaml) =>
        BlackoutLine().Replace(yaml, string.Empty)
            .Replace("interval: 100ms", "interval: 25ms", StringComparison.Ordinal)
            .Replace("duration: 3s", "duration: 300ms", StringComparison.Ordinal)
            .Replace("within: 30s", "within: 1500ms", StringComparison.Ordinal)
            .Replace("stableFor: 5s", "stableFor: 300ms", StringComparison.Ordinal)
            .Replace("observeFor: 45s", "observeFor: 2s", StringComparison.Ordinal)
            .Replace("observeFor: 40s", "observeFor: 2s", StringComparison.Ordinal)
            .Replace("verifyWithin: 60s", "verifyWithin: 3s", StringComparison.Ordinal)
            .Replace("for: 20s", "for: 1500ms", StringComparison.Ordinal)
            .Replace("for: 10s", "for: 1500ms", StringComparison.Ordinal)
            .Replace("minSamples: 200", "minSamples: 40", StringComparison.Ordinal)
            .Replace("wait: 2s", "wait: 200ms", StringComparison.Ordinal)
            .Replace("wait: 1s", "wait: 200ms", StringComparison.Ordinal);

    [GeneratedRegex(@"(?m)^  - \{ name: .*cron.*\}\s*$\n")]
    private static partial Regex BlackoutLine();
}

using System.Globalization;

namespace DrillBot.Drills.Analysis;

/// <summary>Number formatting for checks and reasons (invariant culture).</summary>
internal static class Format
{
    public static string Seconds(TimeSpan t) => $"{t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s";

    public static string Ratio(double r) => r.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);
}

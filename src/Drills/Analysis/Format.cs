using System.Globalization;

namespace DrillBot.Drills.Analysis;

/// <summary>Number formatting for checks and reasons (invariant culture).</summary>
internal static class Format
{
    public static string Seconds(TimeSpan t) => $"{t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s";

    public static string Ratio(double r) => r.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A confidence bound (already rounded outwards by <see cref="Down"/>/<see cref="Up"/>): four decimals.</summary>
    public static string Bound(double r) => r.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>Rounded down to four decimals: a lower bound is never shown higher than it is.</summary>
    public static double Down(double r) => Math.Floor(r * 10_000) / 10_000;

    /// <summary>Rounded up to four decimals: an upper bound is never shown lower than it is.</summary>
    public static double Up(double r) => Math.Ceiling(r * 10_000) / 10_000;

    public static string Percent(double r) => (r * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %";

    public static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);
}

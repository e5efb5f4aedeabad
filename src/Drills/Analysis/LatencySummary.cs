namespace DrillBot.Drills.Analysis;

/// <summary>Latency percentiles in milliseconds over ok samples (null when there were none).</summary>
public sealed record LatencySummary(double? P50, double? P95, double? P99)
{
    public static LatencySummary Empty { get; } = new(null, null, null);

    /// <summary>Nearest-rank percentiles of <paramref name="millis"/>.</summary>
    public static LatencySummary Of(IEnumerable<double> millis)
    {
        var sorted = millis.Order().ToArray();
        return sorted.Length == 0 ? Empty : new LatencySummary(Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99));
    }

    private static double Rank(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

namespace DrillBot.Bench.RecoveryAccuracy;

/// <summary>Small statistics over lists of numbers.</summary>
internal static class Stats
{
    /// <summary>The median (mean of the middle two for an even count); null for no values.</summary>
    public static double? Median(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}

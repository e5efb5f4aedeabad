namespace DrillBot.Drills.Analysis;

/// <summary>
/// The Wilson score interval for a binomial proportion (E. B. Wilson, "Probable inference, the law of
/// succession, and statistical inference", JASA 22(158):209–212, 1927; the formula as in
/// https://en.wikipedia.org/wiki/Binomial_proportion_confidence_interval#Wilson_score_interval):
/// with p̂ = k/n and z the standard normal quantile at 1 − (1 − confidence)/2,
/// centre = (p̂ + z²/2n) / (1 + z²/n), half-width = z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²).
/// Unlike the point estimate k/n it stays wide for few samples: 20 of 20 at 95 % gives [0.839, 1].
/// </summary>
public static class Wilson
{
    public static ConfidenceInterval Interval(int hits, int samples, double confidence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hits);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, hits);
        if (samples == 0)
        {
            return new ConfidenceInterval(0, 1, confidence, 0, 0);
        }

        var z = Z(confidence);
        var n = (double)samples;
        var p = hits / n;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var half = z / denominator * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        // at k = 0 and k = n the bounds are exactly 0 and 1; rounding must not move them past
        var low = hits == 0 ? 0 : Math.Max(0, centre - half);
        var high = hits == samples ? 1 : Math.Min(1, centre + half);
        return new ConfidenceInterval(low, high, confidence, hits, samples);
    }

    /// <summary>The two-sided z for <paramref name="confidence"/> (0.95 → 1.959964).</summary>
    public static double Z(double confidence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(confidence, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(confidence, 1);
        return NormalQuantile.Of(1 - ((1 - confidence) / 2));
    }
}

using DrillBot.Drills.Definitions;

namespace DrillBot.Drills.Analysis;

/// <summary>Builds the named checks of a report.</summary>
internal static class Checks
{
    public static CheckResult SteadyState(SteadyStateDefinition steady, double ratio, int count) =>
        new("steadyState.okRatio", $">= {Format.Ratio(steady.MinOkRatio)} over {Format.Seconds(steady.Duration)}", count == 0 ? "no samples" : $"{Format.Ratio(ratio)} ({Format.Int(count)} samples)", count > 0 && ratio >= steady.MinOkRatio - 1e-9);

    public static CheckResult Recovery(RecoveryExpectation expected, RecoveryResult? recovery) =>
        new("recovery.within", $"<= {Format.Seconds(expected.Within)} ({expected.ServedBy} for {Format.Seconds(expected.StableFor)})",
            recovery is null ? "no recovery" : Format.Seconds(recovery.Time), recovery is not null && recovery.Time <= expected.Within);

    /// <summary>Not-ok samples among <paramref name="samples"/>: passes when the interval's upper bound ≤ max, fails when its lower bound &gt; max.</summary>
    public static CheckResult ErrorRatio(double max, int errors, int samples, double confidence) =>
        Statistical("maxErrorRatio", $"<= {Format.Ratio(max)}", errors, samples, confidence, null, max, "no samples");

    public static CheckResult Share(string cls, ShareExpectation bounds, int hits, int okSamples, double confidence)
    {
        var expected = (bounds.AtLeast, bounds.AtMost) switch
        {
            ({ } lo, { } hi) => $"between {Format.Ratio(lo)} and {Format.Ratio(hi)}",
            ({ } lo, null) => $">= {Format.Ratio(lo)}",
            (null, { } hi) => $"<= {Format.Ratio(hi)}",
            _ => "any",
        };
        return Statistical($"share.{cls}", expected, hits, okSamples, confidence, bounds.AtLeast, bounds.AtMost, "no ok samples");
    }

    /// <summary>
    /// beforeFault: samples ok and served by the class among all samples sent between arming and the
    /// fault; fewer than minSamples samples cannot decide it.
    /// </summary>
    public static CheckResult BeforeFault(BeforeFaultExpectation expected, int hits, int samples, double confidence)
    {
        var check = Statistical($"beforeFault.{expected.ServedBy}", $">= {Format.Ratio(expected.AtLeast)} served by {expected.ServedBy} before the fault (>= {Format.Int(expected.MinSamples)} samples)",
            hits, samples, confidence, expected.AtLeast, null, "no samples before the fault");
        return samples >= expected.MinSamples || check.Failed ? check : check with { Passed = false, Inconclusive = true, Actual = check.Actual + $", fewer than {Format.Int(expected.MinSamples)} samples" };
    }

    public static CheckResult MinSamples(int min, int actual) =>
        new("minSamples", $">= {Format.Int(min)}", Format.Int(actual), actual >= min);

    public static CheckResult Failback(TimeSpan within, TimeSpan? failback) =>
        new("failback.within", $"steady state again <= {Format.Seconds(within)} after restore", failback is null ? "not within the time" : Format.Seconds(failback.Value), failback is not null);

    private static CheckResult Statistical(string name, string expected, int hits, int samples, double confidence, double? lo, double? hi, string none)
    {
        var interval = Wilson.Interval(hits, samples, confidence);
        var decision = BoundRule.Decide(interval, lo, hi);
        var actual = samples == 0
            ? $"{none} (interval [0, 1] at {Format.Percent(confidence)})"
            : $"{Format.Ratio(hits / (double)samples)} ({Format.Int(hits)}/{Format.Int(samples)}), {Format.Percent(confidence)} interval [{Format.Bound(Format.Down(interval.Low))}, {Format.Bound(Format.Up(interval.High))}]";
        return new CheckResult(name, expected, actual, decision == BoundDecision.Passed)
        {
            Inconclusive = decision == BoundDecision.Undecided,
            Interval = new ConfidenceInterval(Format.Down(interval.Low), Format.Up(interval.High), confidence, hits, samples),
        };
    }
}

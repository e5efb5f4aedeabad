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

    public static CheckResult ErrorRatio(double max, double? actual) =>
        new("maxErrorRatio", $"<= {Format.Ratio(max)}", actual is null ? "no samples" : Format.Ratio(actual.Value), actual is not null && actual <= max + 1e-9);

    public static CheckResult Share(string cls, ShareExpectation bounds, double? actual)
    {
        var expected = (bounds.AtLeast, bounds.AtMost) switch
        {
            ({ } lo, { } hi) => $"between {Format.Ratio(lo)} and {Format.Ratio(hi)}",
            ({ } lo, null) => $">= {Format.Ratio(lo)}",
            (null, { } hi) => $"<= {Format.Ratio(hi)}",
            _ => "any",
        };
        var passed = actual is { } a && (bounds.AtLeast is null || a >= bounds.AtLeast - 1e-9) && (bounds.AtMost is null || a <= bounds.AtMost + 1e-9);
        return new CheckResult($"share.{cls}", expected, actual is null ? "no ok samples" : Format.Ratio(actual.Value), passed);
    }

    public static CheckResult MinSamples(int min, int actual) =>
        new("minSamples", $">= {Format.Int(min)}", Format.Int(actual), actual >= min);

    public static CheckResult Failback(TimeSpan within, TimeSpan? failback, string? why = null, Definitions.FailbackExpectation? expected = null) =>
        new("failback.within",
            $"steady state again{(expected is null ? string.Empty : $", {expected.ServedBy} >= {Format.Ratio(expected.AtLeast)} over {Format.Seconds(expected.StableFor)}")}, restored Deployments ready <= {Format.Seconds(within)} after restore",
            failback is null ? why ?? "not within the time" : Format.Seconds(failback.Value), failback is not null);
}

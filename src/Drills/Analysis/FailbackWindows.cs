using DrillBot.Drills.Definitions;
using DrillBot.Drills.Probing;

namespace DrillBot.Drills.Analysis;

/// <summary>
/// When failback is proved (docs/drills-yaml.md#restore): the steady state holds again, the restored Deployments are
/// ready again and, with <c>restore.failback</c>, the original region serves its share over a stable window.
/// </summary>
public static class FailbackWindows
{
    /// <summary>
    /// The first sample of class <paramref name="expected"/>.ServedBy that opens a window of length StableFor in which
    /// that class has at least AtLeast of all samples (errors count against it); only windows ending by <paramref name="deadline"/>.
    /// </summary>
    public static ProbeSample? EarliestServedWindow(IReadOnlyList<ProbeSample> sorted, FailbackExpectation expected, DateTimeOffset from, DateTimeOffset deadline)
    {
        var window = SampleWindows.Between(sorted, from, deadline).ToList();
        var served = 0;
        var end = 0;
        for (var start = 0; start < window.Count; start++)
        {
            while (end < window.Count && window[end].SentAt - window[start].SentAt < expected.StableFor)
            {
                served += Serves(window[end], expected) ? 1 : 0;
                end++;
            }

            if (end == window.Count)
            {
                return null;
            }

            var count = end - start + 1;
            if (Serves(window[start], expected) && served + (Serves(window[end], expected) ? 1 : 0) >= expected.AtLeast * count - 1e-9)
            {
                return window[start];
            }

            served -= Serves(window[start], expected) ? 1 : 0;
        }

        return null;
    }

    /// <summary>The failback moment: the latest of the three conditions, or null (with why) when one never held.</summary>
    public static (DateTimeOffset? At, string? Why) Moment(DrillDefinition drill, IReadOnlyList<ProbeSample> sorted, DateTimeOffset restored, DateTimeOffset? readyAt, string? notReady)
    {
        var deadline = restored + drill.Restore.VerifyWithin;
        var steady = SampleWindows.EarliestSteadyWindow(sorted, drill.SteadyState.MinOkRatio, drill.SteadyState.Duration, restored, deadline);
        if (steady is null)
        {
            return (null, "not within the time");
        }

        if (notReady is not null)
        {
            return (null, notReady);
        }

        var at = readyAt is { } r && r > steady.SentAt ? r : steady.SentAt;
        if (drill.Restore.Failback is { } expected)
        {
            var served = EarliestServedWindow(sorted, expected, readyAt ?? restored, deadline);
            if (served is null)
            {
                return (null, $"{expected.ServedBy} never served >= {Format.Ratio(expected.AtLeast)} of samples over {Format.Seconds(expected.StableFor)} within {Format.Seconds(drill.Restore.VerifyWithin)} after restore");
            }

            at = served.SentAt > at ? served.SentAt : at;
        }

        return (at, null);
    }

    private static bool Serves(ProbeSample s, FailbackExpectation expected) => s.Ok && s.Class == expected.ServedBy;
}

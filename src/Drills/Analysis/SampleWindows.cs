using DrillBot.Drills.Definitions;
using DrillBot.Drills.Probing;

namespace DrillBot.Drills.Analysis;

/// <summary>Pure helpers over samples sorted by send time.</summary>
public static class SampleWindows
{
    public static IReadOnlyList<ProbeSample> Sorted(IEnumerable<ProbeSample> samples) =>
        samples.OrderBy(s => s.SentAt).ThenBy(s => s.Sequence).ToList();

    /// <summary>Samples sent in [from, to] (to null = no upper bound).</summary>
    public static IEnumerable<ProbeSample> Between(IEnumerable<ProbeSample> sorted, DateTimeOffset from, DateTimeOffset? to) =>
        sorted.Where(s => s.SentAt >= from && (to is null || s.SentAt <= to));

    /// <summary>
    /// The first sample of the earliest window of length <paramref name="length"/> (from a sample's
    /// send time to a later sample's send time at least <paramref name="length"/> later) in which
    /// every sample satisfies <paramref name="good"/>; only windows that end by <paramref name="deadline"/>.
    /// </summary>
    public static ProbeSample? EarliestAllGoodWindow(IReadOnlyList<ProbeSample> sorted, Func<ProbeSample, bool> good, TimeSpan length, DateTimeOffset from, DateTimeOffset? deadline)
    {
        var streak = new RecoveryStreak(good, length);
        foreach (var s in sorted)
        {
            if (s.SentAt < from)
            {
                continue;
            }

            if (deadline is not null && s.SentAt > deadline)
            {
                break;
            }

            if (streak.Add(s) is { } start)
            {
                return start;
            }
        }

        return null;
    }

    /// <summary>The first sample of the recovery window <paramref name="expected"/> describes, after <paramref name="faultAt"/>, ending by <paramref name="deadline"/>.</summary>
    public static ProbeSample? EarliestRecovery(IReadOnlyList<ProbeSample> sorted, RecoveryExpectation expected, DateTimeOffset faultAt, DateTimeOffset? deadline) =>
        EarliestAllGoodWindow(sorted, s => RecoveryStreak.IsRecovered(expected, s), expected.StableFor, faultAt, deadline);

    /// <summary>
    /// The first sample of the earliest window of length <paramref name="length"/> whose ok ratio is
    /// at least <paramref name="minOkRatio"/> (a ratio of 1 means every sample ok), ending by <paramref name="deadline"/>.
    /// </summary>
    public static ProbeSample? EarliestSteadyWindow(IReadOnlyList<ProbeSample> sorted, double minOkRatio, TimeSpan length, DateTimeOffset from, DateTimeOffset? deadline)
    {
        var window = Between(sorted, from, deadline).ToList();
        var ok = 0;
        var end = 0;
        for (var start = 0; start < window.Count; start++)
        {
            while (end < window.Count && window[end].SentAt - window[start].SentAt < length)
            {
                ok += window[end].Ok ? 1 : 0;
                end++;
            }

            if (end == window.Count)
            {
                return null;
            }

            // the window [start, end] includes the first sample at least `length` after start
            var count = end - start + 1;
            var okCount = ok + (window[end].Ok ? 1 : 0);
            if (okCount >= minOkRatio * count - 1e-9)
            {
                return window[start];
            }

            ok -= window[start].Ok ? 1 : 0;
        }

        return null;
    }
}

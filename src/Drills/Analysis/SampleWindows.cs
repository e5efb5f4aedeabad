using DrillBot.Drills.Definitions;
using DrillBot.Drills.Probing;

namespace DrillBot.Drills.Analysis;

/// <summary>Pure helpers over samples sorted by send time.</summary>
public static class SampleWindows
{
    /// <summary>By send time, then sequence number; a list that is in that order already is returned as it is (no copy).</summary>
    public static IReadOnlyList<ProbeSample> Sorted(IEnumerable<ProbeSample> samples) =>
        samples is IReadOnlyList<ProbeSample> list && InOrder(list) ? list : samples.OrderBy(s => s.SentAt).ThenBy(s => s.Sequence).ToList();

    /// <summary>Samples sent in [from, to] (to null = no upper bound). Over a sorted list, starts at the first such sample (binary search).</summary>
    public static IEnumerable<ProbeSample> Between(IEnumerable<ProbeSample> sorted, DateTimeOffset from, DateTimeOffset? to) =>
        sorted is IReadOnlyList<ProbeSample> list ? Range(list, from, to) : sorted.Where(s => s.SentAt >= from && (to is null || s.SentAt <= to));

    /// <summary>The index of the first sample sent at or after <paramref name="from"/> in a sorted list (its count when none is).</summary>
    public static int FirstAtOrAfter(IReadOnlyList<ProbeSample> sorted, DateTimeOffset from)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (sorted[mid].SentAt < from)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static IEnumerable<ProbeSample> Range(IReadOnlyList<ProbeSample> sorted, DateTimeOffset from, DateTimeOffset? to)
    {
        for (var i = FirstAtOrAfter(sorted, from); i < sorted.Count && (to is null || sorted[i].SentAt <= to); i++)
        {
            yield return sorted[i];
        }
    }

    private static bool InOrder(IReadOnlyList<ProbeSample> samples)
    {
        for (var i = 1; i < samples.Count; i++)
        {
            var (a, b) = (samples[i - 1], samples[i]);
            if (a.SentAt > b.SentAt || (a.SentAt == b.SentAt && a.Sequence > b.Sequence))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The first sample of the earliest window of length <paramref name="length"/> (from a sample's
    /// send time to a later sample's send time at least <paramref name="length"/> later) in which
    /// every sample satisfies <paramref name="good"/>; only windows that end by <paramref name="deadline"/>.
    /// </summary>
    public static ProbeSample? EarliestAllGoodWindow(IReadOnlyList<ProbeSample> sorted, Func<ProbeSample, bool> good, TimeSpan length, DateTimeOffset from, DateTimeOffset? deadline)
    {
        var streak = new RecoveryStreak(good, length);
        for (var i = FirstAtOrAfter(sorted, from); i < sorted.Count; i++)
        {
            var s = sorted[i];
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

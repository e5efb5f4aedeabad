using DrillBot.Drills.Definitions;
using DrillBot.Drills.Probing;

namespace DrillBot.Drills.Analysis;

/// <summary>
/// Decides, while a drill is observed, whether every check's outcome is already certain whatever
/// the remaining samples (at most one per interval until observeFor ends) turn out to be.
/// Observation may end early only then.
/// </summary>
public static class Settlement
{
    public static bool AllSettled(DrillDefinition drill, IReadOnlyList<ProbeSample> sorted, DateTimeOffset observeFrom, DateTimeOffset? faultAt, DateTimeOffset? lastStepAt, DateTimeOffset now, DateTimeOffset observeEnd)
    {
        var expect = drill.Expect;
        if (expect.Recovery is null && expect.Share.Count == 0 && expect.MinSamples == 0 && expect.MaxErrorRatio is null)
        {
            return false;
        }

        var remaining = Math.Max(0, (int)Math.Ceiling((observeEnd - now) / drill.Probe.Interval)) + drill.Probe.MaxInFlight;
        DateTimeOffset? recoveryStart = null;
        if (expect.Recovery is { } r && faultAt is { } t0)
        {
            var start = SampleWindows.EarliestRecovery(sorted, r, t0, null);
            // without a window, recovery is settled (as failed) once no window can have begun within `within`
            if (start is null && now <= t0 + r.Within + r.StableFor)
            {
                return false;
            }

            recoveryStart = start?.SentAt;
        }

        var observed = SampleWindows.Between(sorted, observeFrom, null).ToList();
        if (expect.MaxErrorRatio is { } maxError && !Certain(observed.Count(s => !s.Ok), observed.Count, remaining, null, maxError))
        {
            return false;
        }

        var shareFrom = recoveryStart ?? lastStepAt ?? observeFrom;
        var ok = SampleWindows.Between(sorted, shareFrom, null).Where(s => s.Ok).ToList();
        foreach (var (cls, bounds) in expect.Share)
        {
            if (!Certain(ok.Count(s => s.Class == cls), ok.Count, remaining, bounds.AtLeast, bounds.AtMost))
            {
                return false;
            }
        }

        return ok.Count >= expect.MinSamples;
    }

    /// <summary>
    /// True when the ratio hits/n stays on one side of [lo, hi] for any outcome of the remaining samples
    /// (each may or may not count, and may or may not be a hit).
    /// </summary>
    public static bool Certain(int hits, int n, int remaining, double? lo, double? hi)
    {
        var min = n + remaining == 0 ? 0 : hits / (double)(n + remaining);
        var max = n + remaining == 0 ? 0 : (hits + remaining) / (double)(n + remaining);
        if (n > 0)
        {
            min = Math.Min(min, hits / (double)n);
            max = Math.Max(max, hits / (double)n);
        }

        var certainPass = (lo is null || min >= lo) && (hi is null || max <= hi);
        var certainFail = (lo is not null && max < lo) || (hi is not null && min > hi);
        return certainPass || certainFail;
    }
}

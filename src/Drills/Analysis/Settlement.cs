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

        // counted in place, without copying the window: this runs every 100 ms over a series that may hold an hour of samples
        var (observed, notOk) = (0, 0);
        foreach (var s in SampleWindows.Between(sorted, observeFrom, null))
        {
            observed++;
            notOk += s.Ok ? 0 : 1;
        }

        if (expect.MaxErrorRatio is { } maxError && !Certain(notOk, observed, remaining, expect.Confidence, null, maxError, everyCounts: true))
        {
            return false;
        }

        var shareFrom = recoveryStart ?? lastStepAt ?? observeFrom;
        var ok = 0;
        var byClass = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in SampleWindows.Between(sorted, shareFrom, null))
        {
            if (s.Ok)
            {
                ok++;
                byClass[s.Class] = byClass.GetValueOrDefault(s.Class) + 1;
            }
        }

        foreach (var (cls, bounds) in expect.Share)
        {
            if (!Certain(byClass.GetValueOrDefault(cls), ok, remaining, expect.Confidence, bounds.AtLeast, bounds.AtMost, everyCounts: false))
            {
                return false;
            }
        }

        return ok >= expect.MinSamples;
    }

    /// <summary>
    /// True when the Wilson decision (<see cref="BoundRule"/>) on hits/n is the same for every outcome
    /// of the remaining samples: j more samples count (all of them when <paramref name="everyCounts"/>,
    /// else any 0 ≤ j ≤ remaining) and any i ≤ j of them are hits. Both bounds of the interval grow
    /// with i for a fixed n, so the decisions at i = 0 and i = j bound all others: one-sided checks are
    /// settled when these agree; a two-sided check only when both pass or both fail on the same side.
    /// An undecided (inconclusive) outcome is settled too when no outcome could decide it.
    /// </summary>
    public static bool Certain(int hits, int n, int remaining, double confidence, double? lo, double? hi, bool everyCounts)
    {
        BoundDecision? seen = null;
        for (var j = everyCounts ? remaining : 0; j <= remaining; j++)
        {
            var fewest = BoundRule.Decide(Wilson.Interval(hits, n + j, confidence), lo, hi);
            var most = BoundRule.Decide(Wilson.Interval(hits + j, n + j, confidence), lo, hi);
            if (fewest != most || (seen is { } s && s != fewest))
            {
                return false;
            }

            if (j > 0 && fewest == BoundDecision.Undecided && lo is not null && hi is not null)
            {
                return false; // between: a pass may lie between two undecided ends
            }

            seen = fewest;
        }

        return true;
    }
}

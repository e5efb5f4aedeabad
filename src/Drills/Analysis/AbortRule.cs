using DrillBot.Drills.Definitions;
using DrillBot.Drills.Probing;

namespace DrillBot.Drills.Analysis;

/// <summary>
/// <c>abortIf</c>: once observation has run for at least <c>for</c>, abort when the share of
/// not-ok samples among those sent in the last <c>for</c> is above <c>errorRatioAbove</c>.
/// </summary>
public static class AbortRule
{
    public static bool ShouldAbort(AbortIfDefinition abortIf, IReadOnlyList<ProbeSample> sorted, DateTimeOffset observeFrom, DateTimeOffset now, out double ratio)
    {
        ratio = 0;
        if (now - observeFrom < abortIf.For)
        {
            return false;
        }

        var (count, notOk) = (0, 0);
        foreach (var s in SampleWindows.Between(sorted, now - abortIf.For, now))
        {
            count++;
            notOk += s.Ok ? 0 : 1;
        }

        if (count == 0)
        {
            return false;
        }

        ratio = notOk / (double)count;
        return ratio > abortIf.ErrorRatioAbove;
    }
}

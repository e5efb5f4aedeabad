namespace DrillBot.Drills.Analysis;

/// <summary>
/// The rule of docs/drills-yaml.md ("Statistical verdicts"): <c>atLeast p</c> passes when the lower
/// bound ≥ p and fails when the upper bound &lt; p; <c>atMost q</c> (and maxErrorRatio) passes when
/// the upper bound ≤ q and fails when the lower bound &gt; q; <c>between</c> is both; anything else is undecided.
/// </summary>
public static class BoundRule
{
    public static BoundDecision Decide(ConfidenceInterval interval, double? lo, double? hi)
    {
        ArgumentNullException.ThrowIfNull(interval);
        const double eps = 1e-9;
        if (lo is { } a && interval.High < a - eps)
        {
            return BoundDecision.FailedBelow;
        }

        if (hi is { } b && interval.Low > b + eps)
        {
            return BoundDecision.FailedAbove;
        }

        var inside = (lo is null || interval.Low >= lo - eps) && (hi is null || interval.High <= hi + eps);
        return inside ? BoundDecision.Passed : BoundDecision.Undecided;
    }
}

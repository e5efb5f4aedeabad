using DrillBot.Drills.Definitions;
using DrillBot.Drills.Probing;

namespace DrillBot.Drills.Analysis;

/// <summary>
/// The one definition of a recovery window: consecutive samples that are all good (for recovery: ok and served by the
/// expected class), spanning at least a length from the first sample's send time to a later one's. Fed one sample at
/// a time — by <see cref="SampleWindows.EarliestAllGoodWindow"/> over the sorted samples of a finished run, and live
/// by the service's recovery hint — so both find the same window.
/// </summary>
public sealed class RecoveryStreak(Func<ProbeSample, bool> good, TimeSpan length)
{
    private ProbeSample? _start;

    /// <summary>The streak of the recovery window <paramref name="expected"/> describes.</summary>
    public static RecoveryStreak For(RecoveryExpectation expected) => new(s => IsRecovered(expected, s), expected.StableFor);

    /// <summary>A sample counts towards recovery: ok and served by the expected class.</summary>
    public static bool IsRecovered(RecoveryExpectation expected, ProbeSample sample) =>
        sample.Ok && string.Equals(sample.Class, expected.ServedBy, StringComparison.Ordinal);

    /// <summary>Adds the next sample; the first sample of the window once it is long enough, else null (a bad sample starts over).</summary>
    public ProbeSample? Add(ProbeSample sample)
    {
        if (!good(sample))
        {
            _start = null;
            return null;
        }

        _start ??= sample;
        return sample.SentAt - _start.SentAt >= length ? _start : null;
    }
}

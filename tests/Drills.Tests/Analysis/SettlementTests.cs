using DrillBot.Drills.Analysis;
using DrillBot.Drills.Definitions;

namespace DrillBot.Drills.Tests.Analysis;

public sealed class SettlementTests
{
    private static readonly DateTimeOffset T0 = SampleStream.T0;

    [TestCase(100, 100, 0, 0.95, null, true)]    // decided: lower bound 0.963
    [TestCase(100, 100, 10, 0.95, null, false)]  // ten misses would make it undecided
    [TestCase(500, 500, 3, 0.95, null, true)]    // three more of anything cannot pull the lower bound under 0.95
    [TestCase(20, 20, 0, 0.95, null, true)]      // undecided, and nothing left to decide it: settled as inconclusive
    [TestCase(20, 20, 100, 0.95, null, false)]   // undecided now, decidable with more samples
    [TestCase(0, 100, 5, 0.5, null, true)]
    [TestCase(50, 100, 0, 0.05, 0.15, true)]
    [TestCase(100, 1000, 1, 0.05, 0.15, true)]
    [TestCase(100, 1000, 200, 0.05, 0.15, false)]
    [TestCase(2, 10, 3, 0.05, 0.5, false)]       // two-sided and undecided: a pass could lie between the ends
    public void Certain_WilsonDecision_DependsOnRemainingSamples(int hits, int n, int remaining, double lo, double? hi, bool certain) =>
        Assert.That(Settlement.Certain(hits, n, remaining, 0.95, lo, hi, everyCounts: false), Is.EqualTo(certain));

    [TestCase(0, 400, 0, true)]     // upper bound 0.0095 <= 0.01
    [TestCase(0, 300, 0, true)]     // upper bound 0.0126: undecided, nothing left: settled (inconclusive)
    [TestCase(0, 300, 100, false)]  // 100 more clean samples would decide it
    [TestCase(50, 100, 10, true)]   // lower bound far above 0.01: failed whatever comes
    public void Certain_ErrorRatioEverySampleCounts_DependsOnRemaining(int errors, int n, int remaining, bool certain) =>
        Assert.That(Settlement.Certain(errors, n, remaining, 0.95, null, 0.01, everyCounts: true), Is.EqualTo(certain));

    [Test]
    public void AllSettled_RecoveredAndShareCertain_True()
    {
        var drill = Drill.Failover(atLeast: 0.5, maxErrorRatio: null) with { Probe = Drill.Failover().Probe with { MaxInFlight = 1 } };
        var s = new SampleStream(T0, TimeSpan.FromMilliseconds(100)).Bad(2).Ok(80, "cn-shanghai");

        var settled = Settlement.AllSettled(drill, s.Samples, T0, T0, T0, s.Next, T0 + TimeSpan.FromSeconds(9));

        Assert.That(settled, Is.True);
    }

    [Test]
    public void AllSettled_NotYetRecovered_False()
    {
        var s = new SampleStream(T0, TimeSpan.FromMilliseconds(100)).Bad(5).Ok(3, "cn-shanghai");

        Assert.That(Settlement.AllSettled(Drill.Failover(), s.Samples, T0, T0, T0, s.Next, T0 + TimeSpan.FromSeconds(5)), Is.False);
    }

    [Test]
    public void AllSettled_ShareStillOpen_False()
    {
        var s = new SampleStream(T0, TimeSpan.FromMilliseconds(100)).Ok(12, "cn-shanghai");

        Assert.That(Settlement.AllSettled(Drill.Failover(), s.Samples, T0, T0, T0, s.Next, T0 + TimeSpan.FromSeconds(5)), Is.False);
    }

    [Test]
    public void AllSettled_NoExpectations_NeverEndsEarly()
    {
        var drill = Drill.Failover() with { Expect = new ExpectDefinition(null, new Dictionary<string, ShareExpectation>(), 0, null) };

        Assert.That(Settlement.AllSettled(drill, [], T0, T0, T0, T0 + TimeSpan.FromSeconds(4), T0 + TimeSpan.FromSeconds(5)), Is.False);
    }

    [Test]
    public void ShouldAbort_ErrorsAboveRatioForTheWholeDuration_True()
    {
        var abortIf = new AbortIfDefinition(0.9, TimeSpan.FromSeconds(2));
        var s = new SampleStream(T0, TimeSpan.FromMilliseconds(100)).Bad(30);

        Assert.Multiple(() =>
        {
            Assert.That(AbortRule.ShouldAbort(abortIf, s.Samples, T0, T0 + TimeSpan.FromSeconds(1.5), out _), Is.False, "not before `for` has passed");
            Assert.That(AbortRule.ShouldAbort(abortIf, s.Samples, T0, T0 + TimeSpan.FromSeconds(2.9), out var ratio), Is.True);
            Assert.That(ratio, Is.EqualTo(1.0));
        });
    }

    [Test]
    public void ShouldAbort_RatioAtThreshold_False()
    {
        var abortIf = new AbortIfDefinition(0.5, TimeSpan.FromSeconds(1));
        var s = new SampleStream(T0, TimeSpan.FromMilliseconds(100)).Bad(1).Ok(1, "x").Bad(1).Ok(1, "x").Bad(1).Ok(1, "x").Bad(1).Ok(1, "x").Bad(1).Ok(1, "x");

        Assert.That(AbortRule.ShouldAbort(abortIf, s.Samples, T0, T0 + TimeSpan.FromSeconds(1), out var ratio), Is.False);
        Assert.That(ratio, Is.EqualTo(0.5));
    }
}

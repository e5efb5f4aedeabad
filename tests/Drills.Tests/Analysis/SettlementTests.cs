using DrillBot.Drills.Analysis;
using DrillBot.Drills.Definitions;

namespace DrillBot.Drills.Tests.Analysis;

public sealed class SettlementTests
{
    private static readonly DateTimeOffset T0 = SampleStream.T0;

    [TestCase(10, 10, 0, 0.95, null, true)]
    [TestCase(10, 10, 1, 0.95, null, false)]
    [TestCase(0, 100, 5, 0.5, null, true)]
    [TestCase(50, 100, 0, 0.05, 0.15, true)]
    [TestCase(10, 100, 1, 0.05, 0.15, true)]
    [TestCase(10, 100, 10, 0.05, 0.15, false)]
    public void Certain_Bounds_DependOnRemainingSamples(int hits, int n, int remaining, double lo, double? hi, bool certain) =>
        Assert.That(Settlement.Certain(hits, n, remaining, lo, hi), Is.EqualTo(certain));

    [Test]
    public void AllSettled_RecoveredAndShareCertain_True()
    {
        var drill = Drill.Failover(atLeast: 0.5, maxErrorRatio: null) with { Probe = Drill.Failover().Probe with { MaxInFlight = 1 } };
        var s = new SampleStream(T0, TimeSpan.FromMilliseconds(100)).Bad(2).Ok(30, "cn-shanghai");

        var settled = Settlement.AllSettled(drill, s.Samples, T0, T0, T0, s.Next, T0 + TimeSpan.FromSeconds(5));

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

using DrillBot.Drills.Analysis;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Probing;

namespace DrillBot.Drills.Tests.Analysis;

public sealed class DrillAnalyzerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private static readonly DateTimeOffset T0 = SampleStream.T0;

    private static DrillAnalysis Analyze(DrillDefinition drill, IReadOnlyList<ProbeSample> samples, DateTimeOffset? restoreAt = null) =>
        DrillAnalyzer.Analyze(new AnalysisInput(drill, samples, null, null, T0, T0, T0 + drill.ObserveFor, restoreAt));

    private static CheckResult Check(DrillAnalysis a, string name) => a.Checks.Single(c => c.Name == name);

    [Test]
    public void Analyze_CleanFailover_RecoveryIsSendTimeOfFirstGoodSampleMinusT0()
    {
        var s = new SampleStream(T0, Interval).Bad(7).Ok(100, "cn-shanghai");

        var a = Analyze(Drill.Failover() with { ObserveFor = TimeSpan.FromSeconds(20) }, s.Samples);

        Assert.That(a.Recovery!.Time, Is.EqualTo(TimeSpan.FromMilliseconds(700)));
        Assert.That(a.Recovery.ServedBy, Is.EqualTo("cn-shanghai"));
        Assert.That(Check(a, "recovery.within").Passed, Is.True);
        Assert.That(a.Shares["cn-shanghai"], Is.EqualTo(1.0));
        Assert.That(a.ErrorRatio, Is.EqualTo(7 / 107.0).Within(1e-9));
        Assert.That(a.AllChecksPassed, Is.True);
    }

    [Test]
    public void Analyze_NoRecovery_FailsWithReason()
    {
        var s = new SampleStream(T0, Interval).Bad(50);

        var a = Analyze(Drill.Failover(), s.Samples);

        Assert.That(a.Recovery, Is.Null);
        Assert.That(Check(a, "recovery.within"), Is.EqualTo(new CheckResult("recovery.within", "<= 3s (cn-shanghai for 1s)", "no recovery", false)));
        Assert.That(a.Reasons, Has.Some.StartsWith("recovery.within: expected <= 3s"));
    }

    [Test]
    public void Analyze_Flapping_RecoveryStartsAfterLastFlap()
    {
        // good runs of 0.5 s keep being broken; the first full 1 s run starts at 2.2 s
        var s = new SampleStream(T0, Interval).Bad(2).Ok(5, "cn-shanghai").Bad(1).Ok(5, "cn-shanghai").Add(1, "cn-hangzhou").Ok(2, "cn-shanghai").Bad(1).Ok(34, "cn-shanghai");

        var a = Analyze(Drill.Failover(), s.Samples);

        Assert.That(a.Recovery!.Time, Is.EqualTo(TimeSpan.FromMilliseconds(1700)));
    }

    [Test]
    public void Analyze_OtherOkClassInWindow_BreaksTheWindow()
    {
        var s = new SampleStream(T0, Interval).Ok(5, "cn-shanghai").Ok(1, "cn-hangzhou").Ok(44, "cn-shanghai");

        var a = Analyze(Drill.Failover(), s.Samples);

        Assert.That(a.Recovery!.Time, Is.EqualTo(TimeSpan.FromMilliseconds(600)));
        Assert.That(a.Shares["cn-shanghai"], Is.EqualTo(1.0), "shares count only after recovery");
    }

    [Test]
    public void Analyze_RecoveryWindowEndingExactlyAtObserveEnd_IsFound()
    {
        // observeFor 5s: bad until 4.0 s, then good samples 4.0 .. 5.0 s (window of exactly 1 s)
        var s = new SampleStream(T0, Interval).Bad(40).Ok(11, "cn-shanghai");

        var a = Analyze(Drill.Failover(within: TimeSpan.FromSeconds(4)), s.Samples);

        Assert.That(a.Recovery!.Time, Is.EqualTo(TimeSpan.FromSeconds(4)));
        Assert.That(Check(a, "recovery.within").Passed, Is.True);
    }

    [Test]
    public void Analyze_RecoveryWindowNotCompleteBeforeObserveEnd_IsNoRecovery()
    {
        var s = new SampleStream(T0, Interval).Bad(41).Ok(10, "cn-shanghai");

        var a = Analyze(Drill.Failover(within: TimeSpan.FromSeconds(5)), s.Samples);

        Assert.That(a.Recovery, Is.Null);
    }

    [Test]
    public void Analyze_RecoveryLaterThanWithin_FailsButReportsTime()
    {
        var s = new SampleStream(T0, Interval).Bad(35).Ok(15, "cn-shanghai");

        var a = Analyze(Drill.Failover(within: TimeSpan.FromSeconds(3)), s.Samples);

        Assert.That(Check(a, "recovery.within"), Is.EqualTo(new CheckResult("recovery.within", "<= 3s (cn-shanghai for 1s)", "3.5s", false)));
    }

    [Test]
    public void Analyze_ZeroSamples_EveryCheckFailsWithoutCrashing()
    {
        var a = DrillAnalyzer.Analyze(new AnalysisInput(Drill.Failover(minSamples: 10), [], T0 - TimeSpan.FromSeconds(1), T0, T0, T0, T0 + TimeSpan.FromSeconds(5), T0 + TimeSpan.FromSeconds(6)));

        Assert.That(a.Total, Is.Zero);
        Assert.That(a.Latency, Is.EqualTo(LatencySummary.Empty));
        Assert.That(a.Checks.Select(c => (c.Name, c.Passed)), Is.EqualTo(new[]
        {
            ("steadyState.okRatio", false), ("recovery.within", false), ("maxErrorRatio", false), ("share.cn-shanghai", false), ("minSamples", false), ("failback.within", false),
        }));
        Assert.That(Check(a, "share.cn-shanghai").Actual, Is.EqualTo("no ok samples (interval [0, 1] at 95 %)"));
        Assert.That(a.Checks.Where(c => c.Inconclusive).Select(c => c.Name), Is.EqualTo(new[] { "maxErrorRatio", "share.cn-shanghai" }), "no samples cannot decide a statistical check");
        Assert.That(a.AnyCheckFailed, Is.True, "the failed checks still fail the run");
    }

    [Test]
    public void Analyze_LateSamples_AreCountedUsedAndReported()
    {
        var s = new SampleStream(T0, Interval).Bad(5).Add(10, "cn-shanghai", late: true).Ok(35, "cn-shanghai");

        var a = Analyze(Drill.Failover(), s.Samples);

        Assert.That(a.Late, Is.EqualTo(10));
        Assert.That(a.Total, Is.EqualTo(50));
        Assert.That(a.Recovery!.Time, Is.EqualTo(TimeSpan.FromMilliseconds(551)), "a late sample's real send time counts");
        Assert.That(a.Reasons, Has.Some.Contains("10 of 50 probe samples were sent late"));
    }

    // 95 of 100 is the point estimate 0.95 but its 95 % interval [0.888, 0.978] straddles 0.95: not a pass
    [TestCase(95, 5, 0.95, false)]
    [TestCase(94, 6, 0.95, false)]
    [TestCase(100, 0, 0.95, true)]
    public void Analyze_ShareAtTheBound_PassesOnlyOnTheLowerBound(int shanghai, int hangzhou, double atLeast, bool passed)
    {
        var s = new SampleStream(T0, Interval).Ok(11, "cn-shanghai").Ok(hangzhou, "cn-hangzhou").Ok(shanghai - 11, "cn-shanghai");
        var drill = Drill.Failover(atLeast: atLeast) with { ObserveFor = TimeSpan.FromSeconds(20) };

        var a = Analyze(drill, s.Samples);

        Assert.That(Check(a, "share.cn-shanghai").Passed, Is.EqualTo(passed));
    }

    [Test]
    public void Analyze_ShareIgnoresNotOkSamples()
    {
        var s = new SampleStream(T0, Interval).Ok(20, "cn-shanghai").Bad(20).Ok(10, "cn-shanghai");

        var a = Analyze(Drill.Failover(), s.Samples);

        Assert.That(a.Shares["cn-shanghai"], Is.EqualTo(1.0));
        Assert.That(a.ShareSamples, Is.EqualTo(30));
    }

    [Test]
    public void Analyze_NoRecoveryExpectation_ShareCountedFromLastStep()
    {
        var drill = Drill.Failover(minSamples: 20) with { Expect = new ExpectDefinition(null, new Dictionary<string, ShareExpectation> { ["cn-shanghai"] = new(0.05, 0.15) }, 20, null) };
        var s = new SampleStream(T0 - TimeSpan.FromSeconds(1), Interval).Ok(10, "cn-shanghai").Ok(18, "cn-hangzhou").Ok(2, "cn-shanghai");

        var a = Analyze(drill, s.Samples);

        Assert.That(a.Shares["cn-shanghai"], Is.EqualTo(0.1).Within(1e-9));
        Assert.That(Check(a, "share.cn-shanghai").Expected, Is.EqualTo("between 0.05 and 0.15"));
        Assert.That(Check(a, "minSamples").Passed, Is.True);
    }

    [Test]
    public void Analyze_Failback_MeasuredFromRestoreFinished()
    {
        var restoreAt = T0 + TimeSpan.FromSeconds(5);
        var s = new SampleStream(T0, Interval).Ok(50, "cn-shanghai").Bad(3).Ok(20, "cn-hangzhou");

        var a = Analyze(Drill.Failover(), s.Samples, restoreAt);

        Assert.That(a.Failback, Is.EqualTo(TimeSpan.FromMilliseconds(300)));
        Assert.That(Check(a, "failback.within").Passed, Is.True);
    }

    [Test]
    public void Analyze_SteadyStateNeverBack_FailbackFails()
    {
        var restoreAt = T0 + TimeSpan.FromSeconds(5);
        var s = new SampleStream(T0, Interval).Ok(50, "cn-shanghai").Bad(60);

        var a = Analyze(Drill.Failover(), s.Samples, restoreAt);

        Assert.That(a.Failback, Is.Null);
        Assert.That(Check(a, "failback.within").Passed, Is.False);
    }

    [Test]
    public void Analyze_Latency_NearestRankOverOkSamplesOnly()
    {
        var s = new SampleStream(T0, Interval);
        for (var i = 1; i <= 100; i++)
        {
            s.Add(1, "cn-shanghai", latencyMs: i);
        }

        s.Add(5, "degraded", ok: false, latencyMs: 5000);

        var a = Analyze(Drill.Failover() with { ObserveFor = TimeSpan.FromSeconds(20) }, s.Samples);

        Assert.That(a.Latency, Is.EqualTo(new LatencySummary(50, 95, 99)));
    }
}

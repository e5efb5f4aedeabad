using DrillBot.Drills.Analysis;
using DrillBot.Drills.Definitions;

namespace DrillBot.Drills.Tests.Analysis;

/// <summary>control.degraded (docs/drills-yaml.md#control): degraded only when an expectation broke without the remediation.</summary>
public sealed class ControlAnalyzerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>recovery within 3 s, stable 1 s; share cn-shanghai ≥ 0.95; maxErrorRatio 0.5; the remediation (enableFailover) left out.</summary>
    private static DrillDefinition Failover() => Drill.Failover() with
    {
        Steps = [new EnableFailoverStep { Cluster = "mesh", Namespace = "default", DestinationRule = "reviews", Failover = [], OutlierDetection = new OutlierDetectionSettings(1, null, null, null, 100) }, .. Drill.Failover().Steps],
    };

    /// <summary>A distribute rule (the remediation) and cn-shanghai's share between 0.05 and 0.15.</summary>
    private static DrillDefinition Distribution() => Drill.Failover() with
    {
        Steps = [new DistributeTrafficStep { Cluster = "mesh", Namespace = "default", DestinationRule = "reviews", Distribute = [] }],
        Expect = new ExpectDefinition(null, new Dictionary<string, ShareExpectation> { ["cn-shanghai"] = new(0.05, 0.15) }, 0, null),
    };

    private static ControlResult Analyze(DrillDefinition drill, SampleStream samples, TimeSpan length, string? abortIf = null) =>
        ControlAnalyzer.Analyze(new ControlInput(drill, [(drill.ProbeViews()[0], samples.Samples)], SampleStream.T0, SampleStream.T0, SampleStream.T0 + length, abortIf));

    [Test]
    public void Analyze_RecoversByItself_NotNecessaryWithTheFinding()
    {
        // 100 pages from cn-shanghai: enough to prove its share >= 0.95 (50 would leave it inconclusive)
        var samples = new SampleStream(SampleStream.T0, Interval).Bad(3).Ok(100, "cn-shanghai");

        var result = Analyze(Failover(), samples, TimeSpan.FromSeconds(11));

        Assert.That((result.Necessary, result.Finding), Is.EqualTo(((bool?)false, ControlAnalyzer.RecoversWithoutFailover)));
        Assert.That(result.Degraded, Has.Property(nameof(CheckResult.Name)).EqualTo("control.degraded").And.Property(nameof(CheckResult.Failed)).True);
        Assert.That(result.Degraded.Actual, Does.StartWith("the fault recovers without failover: this drill does not prove failover (recovery.within 0.3s;"));
        Assert.That(result.Degraded.Expected, Is.EqualTo("without the remediation (enableFailover) the fault breaks an expectation (recovery, maxErrorRatio, share) within 11s, or abortIf fires"));
    }

    [Test]
    public void Analyze_NeverRecoversOverWithinPlusStableFor_Necessary()
    {
        var samples = new SampleStream(SampleStream.T0, Interval).Bad(50);

        var result = Analyze(Failover(), samples, TimeSpan.FromSeconds(5));

        Assert.That((result.Necessary, result.Finding), Is.EqualTo(((bool?)true, (string?)null)));
        Assert.That(result.Degraded.Passed, Is.True);
        Assert.That(result.Degraded.Actual, Does.StartWith("degraded: recovery.within no recovery; maxErrorRatio 1 (50/50)"));
    }

    [Test]
    public void Analyze_ControlShorterThanWithinPlusStableForAndNoErrorsDecided_Inconclusive()
    {
        // 2 s of degraded pages: the drill allows recovery within 3 s (stable 1 s) and half the samples as errors
        var samples = new SampleStream(SampleStream.T0, Interval).Bad(10).Ok(10, "cn-hangzhou");

        var result = Analyze(Failover() with { Expect = Failover().Expect with { Share = new Dictionary<string, ShareExpectation>() } }, samples, TimeSpan.FromSeconds(2));

        Assert.That(result.Necessary, Is.Null);
        Assert.That(result.Degraded.Inconclusive, Is.True);
        Assert.That(result.Checks.Single(c => c.Name == "recovery.within").Actual, Does.Contain("within the control's 2s (shorter than recovery.within + stableFor: no recovery cannot be decided)"));
    }

    [Test]
    public void Analyze_AbortIfFired_NecessaryWhateverTheChecks()
    {
        var samples = new SampleStream(SampleStream.T0, Interval).Bad(20);

        var result = Analyze(Failover(), samples, TimeSpan.FromSeconds(2), "error ratio 1 above 0.9 for 2s");

        Assert.That(result.Necessary, Is.True);
        Assert.That(result.Degraded.Actual, Does.StartWith("degraded: abortIf fired: error ratio 1 above 0.9 for 2s"));
    }

    [Test]
    public void Analyze_DistributionWithoutTheRule_ShareOutsideTheBounds_Necessary()
    {
        var drill = Distribution();
        var samples = new SampleStream(SampleStream.T0, Interval);
        for (var i = 0; i < 100; i++)
        {
            samples.Ok(1, "cn-shanghai").Ok(1, "cn-hangzhou");
        }

        var result = Analyze(drill, samples, TimeSpan.FromSeconds(20));

        Assert.That(result.Necessary, Is.True);
        Assert.That(result.Degraded.Actual, Does.StartWith("degraded: share.cn-shanghai 0.5 (100/200)"));
    }

    [Test]
    public void Analyze_DistributionHoldsWithoutTheRule_GenericFinding()
    {
        var drill = Distribution();
        var samples = new SampleStream(SampleStream.T0, Interval);
        for (var i = 0; i < 100; i++)
        {
            samples.Ok(1, "cn-shanghai").Ok(9, "cn-hangzhou");
        }

        var result = Analyze(drill, samples, TimeSpan.FromSeconds(100));

        Assert.That((result.Necessary, result.Finding), Is.EqualTo(((bool?)false, ControlAnalyzer.HoldsWithoutRemediation)));
    }

    [Test]
    public void Sufficient_PostFaultChecksOfTheRealRun()
    {
        CheckResult C(string name, bool passed, bool inconclusive = false) => new(name, "x", "y", passed) { Inconclusive = inconclusive };

        Assert.That(ControlAnalyzer.Sufficient([C("steadyState.okRatio", false), C("recovery.within", true), C("via-a/share.cn-shanghai", true)]), Is.True, "steady state is not a post-fault expectation");
        Assert.That(ControlAnalyzer.Sufficient([C("recovery.within", true), C("via-b/maxErrorRatio", false)]), Is.False);
        Assert.That(ControlAnalyzer.Sufficient([C("recovery.within", true), C("share.x", false, inconclusive: true)]), Is.Null);
        Assert.That(ControlAnalyzer.Sufficient([C("beforeFault.cn-hangzhou", true)]), Is.Null, "nothing after the fault was evaluated");
    }
}

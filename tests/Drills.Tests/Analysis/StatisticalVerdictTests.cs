using DrillBot.Drills.Analysis;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Probing;

namespace DrillBot.Drills.Tests.Analysis;

/// <summary>
/// Share and error-ratio checks decided on a Wilson interval: 20 samples all in region cannot prove
/// a 0.95 share (inconclusive), 2,000 can (pass at 100 %, fail at 90 %).
/// </summary>
public sealed class StatisticalVerdictTests
{
    private static readonly DateTimeOffset T0 = SampleStream.T0;

    /// <summary>A share-only drill (no recovery): the share is counted from the last step.</summary>
    private static DrillDefinition ShareDrill(double atLeast, double confidence = 0.95) => Drill.Failover(atLeast: atLeast, maxErrorRatio: null) with
    {
        Expect = new ExpectDefinition(null, new Dictionary<string, ShareExpectation> { ["cn-hangzhou"] = new(atLeast, null) }, 0, null) { Confidence = confidence },
        ObserveFor = TimeSpan.FromHours(1),
    };

    private static DrillAnalysis Analyze(DrillDefinition drill, IReadOnlyList<ProbeSample> samples) =>
        DrillAnalyzer.Analyze(new AnalysisInput(drill, samples, null, null, T0, T0, T0 + drill.ObserveFor, null));

    [Test]
    public void Analyze_TwentySamplesAllInRegion_Inconclusive()
    {
        var a = Analyze(ShareDrill(0.95), new SampleStream(T0, TimeSpan.FromMilliseconds(100)).Ok(20, "cn-hangzhou").Samples);

        var check = a.Checks.Single();
        Assert.Multiple(() =>
        {
            Assert.That(a.Shares["cn-hangzhou"], Is.EqualTo(1.0), "the point estimate alone would pass");
            Assert.That((check.Passed, check.Inconclusive, check.Result), Is.EqualTo((false, true, "inconclusive")));
            Assert.That(check.Interval, Is.EqualTo(new ConfidenceInterval(0.8388, 1, 0.95, 20, 20)));
            Assert.That(check.Actual, Is.EqualTo("1 (20/20), 95 % interval [0.8388, 1.0000]"));
            Assert.That(a.Inconclusive, Is.True);
            Assert.That(a.AnyCheckFailed, Is.False);
            Assert.That(a.Reasons, Has.One.StartsWith("share.cn-hangzhou: inconclusive, too few samples to decide"));
        });
    }

    [TestCase(2000, 0, "passed")]
    [TestCase(1800, 200, "failed")]
    public void Analyze_TwoThousandSamples_Decides(int local, int remote, string result)
    {
        var s = new SampleStream(T0, TimeSpan.FromMilliseconds(100));
        for (var i = 0; i < 200; i++)
        {
            s.Ok(local / 200, "cn-hangzhou").Ok(remote / 200, "cn-shanghai");
        }

        var a = Analyze(ShareDrill(0.95), s.Samples);

        Assert.That(a.Checks.Single().Result, Is.EqualTo(result));
        Assert.That(a.Inconclusive, Is.False);
    }

    [Test]
    public void Analyze_HigherConfidence_NeedsMoreSamples()
    {
        var samples = new SampleStream(T0, TimeSpan.FromMilliseconds(100)).Ok(100, "cn-hangzhou").Samples;

        Assert.Multiple(() =>
        {
            Assert.That(Analyze(ShareDrill(0.95, 0.95), samples).Checks.Single().Result, Is.EqualTo("passed"), "100/100: lower bound 0.963 at 95 %");
            Assert.That(Analyze(ShareDrill(0.95, 0.99), samples).Checks.Single().Result, Is.EqualTo("inconclusive"), "lower bound 0.938 at 99 %");
        });
    }

    [TestCase(0, 400, "passed")]        // upper bound 0.0095
    [TestCase(0, 300, "inconclusive")]  // upper bound 0.0126: a clean run too short to prove 1 %
    [TestCase(30, 300, "failed")]       // lower bound 0.071
    public void Analyze_MaxErrorRatio_DecidedOnTheInterval(int errors, int total, string result)
    {
        var drill = Drill.Failover() with
        {
            Expect = new ExpectDefinition(null, new Dictionary<string, ShareExpectation>(), 0, 0.01),
            ObserveFor = TimeSpan.FromHours(1),
        };
        var s = new SampleStream(T0, TimeSpan.FromMilliseconds(100)).Bad(errors).Ok(total - errors, "cn-hangzhou");

        var check = Analyze(drill, s.Samples).Checks.Single();

        Assert.That(check.Result, Is.EqualTo(result), check.Actual);
        Assert.That(check.Interval!.Samples, Is.EqualTo(total));
    }

    [Test]
    public void Analyze_FailedAndInconclusive_FailedWins()
    {
        var drill = Drill.Failover(atLeast: 0.95) with { ObserveFor = TimeSpan.FromSeconds(20) };
        var s = new SampleStream(T0, TimeSpan.FromMilliseconds(100)).Bad(60).Ok(20, "cn-shanghai");

        var a = Analyze(drill, s.Samples);

        Assert.That(a.Checks.Single(c => c.Name == "share.cn-shanghai").Inconclusive, Is.True);
        Assert.That(a.Checks.Single(c => c.Name == "recovery.within").Passed, Is.False);
        Assert.That((a.AnyCheckFailed, a.Inconclusive), Is.EqualTo((true, false)));
    }
}

using DrillBot.Drills.Analysis;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Probing;

namespace DrillBot.Drills.Tests.Analysis;

/// <summary>expect.beforeFault: locality proved on the samples between arming and the fault, with the Wilson rule.</summary>
public sealed class BeforeFaultTests
{
    private static readonly DateTimeOffset T0 = SampleStream.T0;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private static DrillDefinition Armed(int minSamples = 50) => Drill.Failover() with
    {
        Expect = Drill.Failover().Expect with { BeforeFault = new BeforeFaultExpectation("cn-hangzhou", 0.95, minSamples) },
        ObserveFor = TimeSpan.FromSeconds(30),
    };

    /// <summary>Samples from T0 (armed) for <paramref name="before"/>, the fault at their end, then 150 cn-shanghai.</summary>
    private static (IReadOnlyList<ProbeSample> Samples, DateTimeOffset Fault) Run(Func<SampleStream, SampleStream> before)
    {
        var s = before(new SampleStream(T0, Interval));
        var fault = s.Next;
        s.Ok(150, "cn-shanghai");
        return (s.Samples, fault);
    }

    private static CheckResult BeforeFault(DrillDefinition drill, IReadOnlyList<ProbeSample> samples, DateTimeOffset fault) =>
        DrillAnalyzer.Analyze(new AnalysisInput(drill, samples, null, null, fault, fault, fault + drill.ObserveFor, null, ArmedAt: T0, FaultStartedAt: fault))
            .Checks.Single(c => c.Name == "beforeFault.cn-hangzhou");

    [Test]
    public void Analyze_AllLocalWhileHealthy_Passes()
    {
        var (samples, fault) = Run(s => s.Ok(100, "cn-hangzhou"));

        var check = BeforeFault(Armed(), samples, fault);

        Assert.That(check.Result, Is.EqualTo("passed"), check.Actual);
        Assert.That(check.Interval!.Samples, Is.EqualTo(100), "only the samples before the fault count");
    }

    [Test]
    public void Analyze_SpreadOverBothRegionsWhileHealthy_Fails()
    {
        // a mesh without locality preference: half the pages from each region before the fault
        var (samples, fault) = Run(s => { for (var i = 0; i < 50; i++) { s.Ok(1, "cn-hangzhou").Ok(1, "cn-shanghai"); } return s; });

        Assert.That(BeforeFault(Armed(), samples, fault).Result, Is.EqualTo("failed"));
    }

    [Test]
    public void Analyze_FewerThanMinSamples_Inconclusive()
    {
        var (samples, fault) = Run(s => s.Ok(30, "cn-hangzhou"));

        var check = BeforeFault(Armed(), samples, fault);

        Assert.That(check.Result, Is.EqualTo("inconclusive"));
        Assert.That(check.Actual, Does.EndWith("fewer than 50 samples"));
    }

    [Test]
    public void Analyze_EnoughSamplesForMinSamplesButNotForTheBound_Inconclusive()
    {
        // 60 of 60 local: lower bound 60/63.84 = 0.94 < 0.95; 73 is the least n that can prove 0.95 at 95 %
        var (samples, fault) = Run(s => s.Ok(60, "cn-hangzhou"));

        Assert.That(BeforeFault(Armed(), samples, fault).Result, Is.EqualTo("inconclusive"));
    }

    [Test]
    public void Analyze_ErrorsBeforeTheFault_CountAgainstLocality()
    {
        var (samples, fault) = Run(s => s.Ok(80, "cn-hangzhou").Bad(20));

        Assert.That(BeforeFault(Armed(), samples, fault).Result, Is.EqualTo("failed"));
    }
}

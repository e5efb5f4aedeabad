using DrillBot.Drills.Definitions;
using DrillBot.Drills.Tests.Scheduling;

namespace DrillBot.Drills.Tests.Definitions;

/// <summary>expect.beforeFault and expect.confidence: parsed, defaulted, and validated with a located error.</summary>
public sealed class BeforeFaultParsingTests
{
    private const string Recovery = "      recovery: { servedBy: cn-shanghai, within: 30s, stableFor: 5s }";

    private static DrillsLoadResult Parse(string yaml) => DrillsLoader.Parse(yaml, "d.yaml", TestCron.Parser, _ => null);

    [Test]
    public void Parse_NoConfidence_Defaults95()
    {
        var result = Parse(SampleYaml.Valid);

        Assert.That(result.Config!.Drills[0].Expect.Confidence, Is.EqualTo(0.95));
        Assert.That(result.Config.Drills[0].Expect.BeforeFault, Is.Null);
    }

    [Test]
    public void Parse_ArmedThenFault_ReadsBeforeFaultAndConfidence()
    {
        var yaml = SampleYaml.Replace("""
                  - scale: { cluster: hangzhou, deployment: reviews-v1, replicas: 0, fault: true }
                  - enableFailover:
                      cluster: mesh
                      destinationRule: reviews
                      failover: [ { from: cn-hangzhou, to: cn-shanghai } ]
                      outlierDetection: { consecutive5xxErrors: 1, interval: 1s, baseEjectionTime: 1m }
            """, """
                  - enableFailover:
                      cluster: mesh
                      destinationRule: reviews
                      failover: [ { from: cn-hangzhou, to: cn-shanghai } ]
                      outlierDetection: { consecutive5xxErrors: 1, interval: 1s, baseEjectionTime: 1m }
                  - wait: 10s
                  - scale: { cluster: hangzhou, deployment: reviews-v1, replicas: 0, fault: true }
            """).Replace(Recovery, "      confidence: 0.99\n      beforeFault: { servedBy: cn-hangzhou, atLeast: 0.9 }\n" + Recovery, StringComparison.Ordinal);

        var result = Parse(yaml);

        Assert.That(result.Problems, Is.Empty, string.Join("\n", result.Problems));
        var expect = result.Config!.Drills[0].Expect;
        Assert.That(expect.BeforeFault, Is.EqualTo(new BeforeFaultExpectation("cn-hangzhou", 0.9, 50)), "minSamples defaults to 50");
        Assert.That(expect.Confidence, Is.EqualTo(0.99));
    }

    [Test]
    public void Parse_BeforeFaultWithTheFaultAsFirstStep_LocatedError()
    {
        var yaml = SampleYaml.Replace(Recovery, "      beforeFault: { servedBy: cn-hangzhou, atLeast: 0.95, minSamples: 50 }\n" + Recovery);

        var result = Parse(yaml);

        Assert.That(result.Config, Is.Null);
        var p = result.Problems.Single();
        Assert.That(p.Message, Is.EqualTo("drills[0].expect.beforeFault: needs at least one step before the fault step (arm the remediation, then `wait`, then the fault); here the fault is step 1"));
        Assert.That(p.Location.Line, Is.EqualTo(yaml.Split('\n').ToList().FindIndex(l => l.Contains("- scale:", StringComparison.Ordinal)) + 1), "points at the fault step");
    }

    [Test]
    public void Parse_BeforeFaultServedByNotAnOkClass_Error()
    {
        var yaml = SampleYaml.Replace("""
                  - scale: { cluster: hangzhou, deployment: reviews-v1, replicas: 0, fault: true }
            """, """
                  - wait: 1s
                  - scale: { cluster: hangzhou, deployment: reviews-v1, replicas: 0, fault: true }
            """).Replace(Recovery, "      beforeFault: { servedBy: degraded, atLeast: 0.95 }\n" + Recovery, StringComparison.Ordinal);

        Assert.That(Parse(yaml).Problems.Single().Message, Does.StartWith("drills[0].expect.beforeFault.servedBy: 'degraded' is not an ok class"));
    }

    [TestCase("1")]
    [TestCase("0.2")]
    public void Parse_ConfidenceOutOfRange_Error(string confidence)
    {
        var yaml = SampleYaml.Replace(Recovery, $"      confidence: {confidence}\n" + Recovery);

        Assert.That(Parse(yaml).Problems.Single().Message, Does.Contain("expect.confidence"));
    }
}

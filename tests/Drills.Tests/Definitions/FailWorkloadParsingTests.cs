using DrillBot.Drills.Definitions;
using DrillBot.Drills.Tests.Scheduling;

namespace DrillBot.Drills.Tests.Definitions;

/// <summary>The <c>failWorkload</c> step as read from drills.yaml, and the validate warning for VirtualService aborts.</summary>
public sealed class FailWorkloadParsingTests
{
    private const string ScaleStep = "- scale: { cluster: hangzhou, deployment: reviews-v1, replicas: 0, fault: true }";

    private static DrillsLoadResult Load(string yaml) => DrillsLoader.Parse(yaml, "d.yaml", TestCron.Parser, _ => null);

    private static int LineOf(string yaml, string text) =>
        yaml.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains(text, StringComparison.Ordinal)).i + 1;

    [Test]
    public void Parse_FailWorkloadShortForm_DefaultsNameStatusAndPercentage()
    {
        var result = Load(SampleYaml.Replace(ScaleStep, "- failWorkload: { cluster: mesh, workload: { version: v1, app: reviews }, fault: true }"));

        Assert.That(result.Problems, Is.Empty, string.Join("\n", result.Problems));
        var step = (FailWorkloadStep)result.Config!.FindDrill("failover")!.Steps[0];
        Assert.Multiple(() =>
        {
            Assert.That(step.Name, Is.EqualTo("drillbot-fail-reviews-v1"));
            Assert.That(step.Workload, Is.EqualTo(new Dictionary<string, string> { ["app"] = "reviews", ["version"] = "v1" }));
            Assert.That(step.HttpStatus, Is.EqualTo(503));
            Assert.That(step.Percentage, Is.EqualTo(100));
            Assert.That(step.Namespace, Is.EqualTo("default"));
            Assert.That(step.Fault, Is.True);
        });
    }

    [TestCase("workload: {}", "give the pod labels to fail")]
    [TestCase("workload: { app: reviews }, percentage: 0", "0 fails nothing")]
    [TestCase("workload: { app: reviews }, httpStatus: 700", "httpStatus: expected a whole number between 200 and 599")]
    [TestCase("workload: { app: reviews }, name: Bad_Name", "'Bad_Name' is not a valid object name")]
    [TestCase("name: x", "missing required field 'workload'")]
    public void Parse_BadFailWorkload_OneLocatedProblem(string body, string expected)
    {
        var yaml = SampleYaml.Replace(ScaleStep, $"- failWorkload: {{ cluster: mesh, {body}, fault: true }}");

        var result = Load(yaml);

        Assert.That(result.Problems, Has.Count.EqualTo(1), string.Join("\n", result.Problems));
        Assert.That(result.Problems[0].Message, Does.Contain(expected));
        Assert.That(result.Problems[0].Location.Line, Is.EqualTo(LineOf(yaml, "failWorkload")));
    }

    [Test]
    public void Parse_VirtualServiceAbortExpectingRecovery_WarnsAtTheStepAndStaysValid()
    {
        var yaml = SampleYaml.Replace(ScaleStep, "- injectHttpFault: { cluster: mesh, host: reviews, subset: v1, abort: { httpStatus: 503 }, fault: true }");

        var result = Load(yaml);

        Assert.That(result.IsValid, Is.True, string.Join("\n", result.Problems));
        Assert.That(result.Warnings, Has.Count.EqualTo(1));
        Assert.That(result.Warnings[0].Message, Is.EqualTo("drill 'failover': injectHttpFault aborts in the calling sidecar: no endpoint fails, so nothing fails over; use failWorkload to test failover"));
        Assert.That(result.Warnings[0].Location, Is.EqualTo(new SourceLocation("d.yaml", LineOf(yaml, "injectHttpFault"), 9)));
    }

    [Test]
    public void Parse_VirtualServiceDelayOrFailWorkload_NoWarning()
    {
        var delay = Load(SampleYaml.Replace(ScaleStep, "- injectHttpFault: { cluster: mesh, host: reviews, subset: v1, delay: { fixedDelay: 2s }, fault: true }"));
        var server = Load(SampleYaml.Replace(ScaleStep, "- failWorkload: { cluster: mesh, workload: { app: reviews, version: v1 }, fault: true }"));

        Assert.That(delay.IsValid && server.IsValid, Is.True);
        Assert.That(delay.Warnings.Concat(server.Warnings), Is.Empty);
    }

    [Test]
    public void Parse_VirtualServiceAbortForDegradedPagesOnly_NoWarning()
    {
        // no recovery and no failover armed: the drill tests what users see under the abort, which is what it does
        var yaml = SampleYaml.Replace(ScaleStep, "- injectHttpFault: { cluster: mesh, host: reviews, subset: v1, abort: { httpStatus: 503 }, percentage: 50, fault: true }")
            .Replace("      recovery: { servedBy: cn-shanghai, within: 30s, stableFor: 5s }\n", string.Empty, StringComparison.Ordinal)
            .Replace("""
                  - enableFailover:
                      cluster: mesh
                      destinationRule: reviews
                      failover: [ { from: cn-hangzhou, to: cn-shanghai } ]
                      outlierDetection: { consecutive5xxErrors: 1, interval: 1s, baseEjectionTime: 1m }

            """, string.Empty, StringComparison.Ordinal);

        var result = Load(yaml);

        Assert.That(result.IsValid, Is.True, string.Join("\n", result.Problems));
        Assert.That(yaml, Does.Not.Contain("enableFailover").And.Not.Contain("recovery:"));
        Assert.That(result.Warnings, Is.Empty);
    }
}

using DrillBot.Drills.Analysis;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;

namespace DrillBot.Drills.Tests.Running;

[NonParallelizable]
public sealed class LabDrillTests
{
    /// <summary>
    /// reviews-distribution's between [0.05, 0.15] is decided on a 95 % interval: ~1,000 samples make it
    /// reliable at a true 10 % (half-width ~0.019), so probe faster and longer than the other drills.
    /// </summary>
    private static readonly DrillBot.Drills.Definitions.DrillOverrides Distribution = LabRun.Fast with
    {
        ProbeInterval = TimeSpan.FromMilliseconds(10),
        ObserveFor = TimeSpan.FromSeconds(12),
        MinSamples = 1000,
    };

    [TestCase("reviews-failover")]
    [TestCase("reviews-distribution")]
    [TestCase("reviews-region-outage")]
    public async Task Run_BundledDrillOnLab_PassesAndRestoresExactly(string name)
    {
        await using var lab = await LabRun.StartAsync();
        var before = lab.Snapshot();

        var report = await lab.RunAsync(lab.Drill(name, name == "reviews-distribution" ? Distribution : null));

        TestContext.Out.WriteLine(ReportJson.Serialize(report with { Timeline = report.Timeline with { Samples = [] } }));
        Assert.That(report.Verdict, Is.EqualTo(Verdict.Passed), string.Join("\n", report.Reasons));
        Assert.That(report.Restore.Status, Is.EqualTo(RestoreStatus.Verified));
        var after = lab.Snapshot();
        foreach (var (key, value) in before)
        {
            Assert.That(after[key], Is.EqualTo(value), key);
        }
    }

    /// <summary>
    /// The runbook's order (fault, then failover) passes on a real mesh and in the Lab (docs/lab.md, "The bundled
    /// drills"): losing cn-hangzhou's only reviews endpoint sends every page to cn-shanghai with or without failover.
    /// It must say so: no locality proof, and failover-on-endpoint-loss listed as not proved.
    /// </summary>
    [Test]
    public async Task Run_RunbookOrderOnLab_PassesButProvesNoFailover()
    {
        await using var lab = await LabRun.StartAsync();
        var before = lab.Snapshot();

        var report = await lab.RunAsync(lab.Drill("reviews-failover-runbook-order"));

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Passed), string.Join("\n", report.Reasons));
        Assert.That(report.Recovery!.ServedBy, Is.EqualTo("cn-shanghai"));
        Assert.That(report.Proves.Select(p => (p.Claim, p.Proved)), Does.Contain((Claims.FailoverOnEndpointLoss, false)));
        Assert.That(report.Proves.Where(p => p.Proved).Select(p => p.Claim), Does.Not.Contain(Claims.LocalityPreference).And.Not.Contain(Claims.FailoverOnEndpointLoss));
        Assert.That(lab.Snapshot(), Is.EqualTo(before));
    }
}

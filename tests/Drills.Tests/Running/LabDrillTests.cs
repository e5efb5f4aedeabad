using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;

namespace DrillBot.Drills.Tests.Running;

[NonParallelizable]
public sealed class LabDrillTests
{
    [TestCase("reviews-failover")]
    [TestCase("reviews-distribution")]
    [TestCase("reviews-region-outage")]
    public async Task Run_BundledDrillOnLab_PassesAndRestoresExactly(string name)
    {
        await using var lab = await LabRun.StartAsync();
        var before = lab.Snapshot();

        var report = await lab.RunAsync(lab.Drill(name));

        TestContext.Out.WriteLine(ReportJson.Serialize(report with { Timeline = report.Timeline with { Samples = [] } }));
        Assert.That(report.Verdict, Is.EqualTo(Verdict.Passed), string.Join("\n", report.Reasons));
        Assert.That(report.Restore.Status, Is.EqualTo(RestoreStatus.Verified));
        var after = lab.Snapshot();
        foreach (var (key, value) in before)
        {
            Assert.That(after[key], Is.EqualTo(value), key);
        }
    }
}

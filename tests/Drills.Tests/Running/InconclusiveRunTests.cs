using System.Text.Json.Nodes;
using DrillBot.Drills.Analysis;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;

namespace DrillBot.Drills.Tests.Running;

/// <summary>
/// A whole run ending <c>inconclusive</c> (docs/drills-yaml.md, "Statistical verdicts"): every sample after recovery is
/// v2, but at 100 ms over a 1 s observe window the few samples leave the share's 95 % Wilson interval straddling 0.95;
/// the same drill probing every 10 ms for 3 s decides it (passed).
/// </summary>
public sealed class InconclusiveRunTests
{
    [TestCase(100, 1, Verdict.Inconclusive)]
    [TestCase(10, 3, Verdict.Passed)]
    public async Task Run_ShareAllHitsFewOrManySamples_InconclusiveOrDecided(int intervalMs, int observeSeconds, Verdict expected)
    {
        var cluster = new FakeCluster("c");
        cluster.Put(ObjectKind.Deployment, "reviews-v1", FakeRun.Deployment);
        var dir = Directory.CreateTempSubdirectory("fake-journal-").FullName;
        var (config, drill) = FakeRun.Setup();
        drill = drill with
        {
            Probe = drill.Probe with { Interval = TimeSpan.FromMilliseconds(intervalMs) },
            Expect = drill.Expect with { Share = new Dictionary<string, ShareExpectation> { ["v2"] = new(0.95, null) } },
            ObserveFor = TimeSpan.FromSeconds(observeSeconds),
        };

        var report = await FakeRun.Engine(cluster, new FakeRun.SwitchTransport(), new FileJournal(dir)).Start(config, drill, new RunTrigger(TriggerKind.Api, "t")).Completion.WaitAsync(TimeSpan.FromSeconds(30));

        var share = report.Checks.Single(c => c.Name == "share.v2");
        var json = JsonNode.Parse(ReportJson.Serialize(report))!;
        Assert.That(report.Verdict, Is.EqualTo(expected), string.Join("; ", report.Reasons));
        Assert.That(json["verdict"]!.GetValue<string>(), Is.EqualTo(expected.WireName()));
        Assert.That(share.Interval!.Hits, Is.EqualTo(share.Interval.Samples), "every ok sample after recovery is v2: only the sample count differs");
        Assert.That(report.Checks.Where(c => c.Name != "share.v2"), Has.All.Property(nameof(CheckResult.Passed)).True, "recovery, restore and failback pass either way");
        Assert.That(report.Restore.Status, Is.EqualTo(RestoreStatus.Verified));
        if (expected == Verdict.Inconclusive)
        {
            Assert.That(share.Inconclusive, Is.True);
            Assert.That(share.Interval.Low, Is.LessThan(0.95), "the lower bound below the threshold ...");
            Assert.That(share.Interval.High, Is.GreaterThanOrEqualTo(0.95), "... the upper above it: too few samples to decide");
            Assert.That(report.Reasons, Has.Some.StartsWith("share.v2: inconclusive, too few samples to decide"));
        }
        else
        {
            Assert.That(share.Passed, Is.True);
            Assert.That(share.Interval.Low, Is.GreaterThanOrEqualTo(0.95));
        }

        Directory.Delete(dir, recursive: true);
    }
}

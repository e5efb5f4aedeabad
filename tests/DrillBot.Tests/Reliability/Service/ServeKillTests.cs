using System.Diagnostics;
using DrillBot.Tests.Service.Support;

namespace DrillBot.Tests.Reliability.Service;

/// <summary>
/// A real <c>drillbot serve</c> (SQLite, one replica, Slack on) killed with SIGKILL at each phase of a drill it runs
/// (stopped exactly there by DRILLBOT_TEST_PAUSE_AT), then started again on the same database, with the same instance id
/// or a new one: resumption on start puts the Lab back exactly as it was (annotations included) and reports the run
/// restored after an interruption in the history, the API, <c>drillbot_restore_total</c> and Slack.
/// </summary>
[NonParallelizable]
public sealed class ServeKillTests
{
    private const string Drill = "reviews-failover";

    public static IEnumerable<TestCaseData> KillPoints()
    {
        TestCaseData Point(string point, string phase, bool sameInstance, params string[] changed) =>
            new TestCaseData(point, sameInstance, changed).SetArgDisplayNames(point, phase, sameInstance ? "same instance id" : "new instance id");
        yield return Point("step-captured:1", "after capture", true);
        yield return Point("step-applied:1", "after the fault", false, "Deployment reviews-v1");
        yield return Point("step-applied:2", "after enableFailover", true, "Deployment reviews-v1", "DestinationRule reviews");
        yield return Point("observe", "during observe", false, "Deployment reviews-v1", "DestinationRule reviews");
        yield return Point("restore-item:1", "during restore", true, "Deployment reviews-v1");
    }

    [TestCaseSource(nameof(KillPoints))]
    public async Task Serve_KilledAtPhase_RestartRestoresTheLabExactlyAndReportsIt(string point, bool sameInstance, string[] changedAtKill)
    {
        await using var world = await ServeLab.StartAsync(TestDrills.Yaml(), withSlack: true);
        var before = world.Snapshot();
        var db = world.SqliteDb();
        string runId;
        using (var first = await world.ServeAsync(db, "serve-first", point))
        {
            runId = await first.StartRunAsync(Drill);
            await first.Process.PausedAtAsync(point);
            var atKill = world.Snapshot();
            Assert.That(before.Keys.Where(k => before[k] != atKill[k]), Is.EquivalentTo(changedAtKill), "what the drill had changed when it was killed");
            first.Process.Kill();
            Assert.That(await first.Process.ExitCodeAsync(), Is.EqualTo(137), "SIGKILL");
        }

        var restart = Stopwatch.StartNew();
        var instance = sameInstance ? "serve-first" : "serve-second";
        using var second = await world.ServeAsync(db, instance);
        var report = await second.WaitForReportAsync(runId);
        var restored = restart.Elapsed;
        var entry = await second.HistoryEntryAsync(runId);
        var slackText = await Eventually.WaitAsync(
            () => Task.FromResult(world.Slack!.Calls.Where(c => c.Ok && c.Method == "chat.update" && c.Body!.ToJsonString().Contains(runId, StringComparison.Ordinal)).Select(c => c.Body!.ToJsonString()).LastOrDefault()),
            "the result of the resumed run in Slack");
        var restoreCount = await second.MetricAsync($"drillbot_restore_total{{drill=\"{Drill}\",status=\"verified\"}}");
        TestContext.Out.WriteLine($"serve kill point {point} ({(sameInstance ? "same" : "new")} instance id): restart -> verified restore {restored.TotalSeconds:0.00}s");

        Assert.Multiple(() =>
        {
            Assert.That(world.Snapshot(), Is.EqualTo(before), "the Lab exactly as before the run (annotations included)");
            Assert.That(entry!["status"]!.GetValue<string>(), Is.EqualTo("restored-after-interruption"));
            Assert.That(entry["restore"]!.GetValue<string>(), Is.EqualTo("verified"));
            Assert.That(entry["instance"]!.GetValue<string>(), Is.EqualTo("serve-first"), "the run belongs to the killed process");
            Assert.That(report["restore"]!["status"]!.GetValue<string>(), Is.EqualTo("verified"));
            Assert.That(report["reasons"]!.ToJsonString(), Does.Contain("interrupted: instance serve-first stopped during the run").And.Contain($"restored after an interrupted run by instance {instance}"));
            Assert.That(restoreCount, Is.EqualTo(1), "drillbot_restore_total{status=verified}");
            Assert.That(slackText, Does.Contain("restored after an interrupted run"));
            Assert.That(world.LeaseHolder("ack-hangzhou"), Is.Null.Or.Empty, "the drill leases are released");
            Assert.That(world.LeaseHolder("asm"), Is.Null.Or.Empty);
            Assert.That(restored, Is.LessThan(TimeSpan.FromSeconds(30)), "restart to verified restore");
        });
    }
}

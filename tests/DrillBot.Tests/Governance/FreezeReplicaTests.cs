using System.Net;
using DrillBot.Lab;
using DrillBot.Store;
using DrillBot.Tests.Service.Support;
using DrillBot.Tests.Support;

namespace DrillBot.Tests.Governance;

/// <summary>
/// One big red stop across replicas: two <c>serve</c> replicas on one PostgreSQL each run a slow drill (disjoint
/// clusters); one freeze through replica B's API aborts both, each restores its cluster and reports
/// <c>aborted: frozen by @x: REASON</c>; no drill starts on either replica until the freeze is lifted.
/// </summary>
[NonParallelizable]
public sealed class FreezeReplicaTests
{
    private LabHost lab = null!;
    private TestDatabase database = null!;
    private string directory = null!;

    [SetUp]
    public async Task SetUp()
    {
        database = await TestDatabase.CreateAsync(StoreEngine.Postgres, "freeze");
        lab = await LabHost.StartAsync(ServiceHarness.FastLab());
        directory = Directory.CreateTempSubdirectory("drillbot-freeze-").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "drills.yaml"), GovernanceDrills.TwoSlowDrills());
    }

    [TearDown]
    public async Task TearDown()
    {
        await lab.DisposeAsync();
        await database.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Test]
    public async Task Freeze_TwoRunsOnTwoReplicas_BothAbortedRestoredAndReportedThenNothingStartsUntilUnfrozen()
    {
        var before = LabState.Snapshot(lab);
        await using var a = await StartAsync("replica-a");
        await using var b = await StartAsync("replica-b");
        var runA = await a.StartAsync("slow-hangzhou");
        var runB = await b.StartAsync("slow-shanghai");
        await a.WaitForPhaseAsync(runA, "steps");
        await b.WaitForPhaseAsync(runB, "steps");
        await Eventually.WaitAsync(() => LabState.Snapshot(lab)["Deployment reviews-v1"] != before["Deployment reviews-v1"] && LabState.Snapshot(lab)["Deployment reviews-v2"] != before["Deployment reviews-v2"], "both faults in the Lab");

        var (frozen, freeze) = await b.SendAsync(HttpMethod.Post, "/api/freeze", """{"reason": "incident INC-42", "by": "@oncall"}""");
        var reportA = await a.WaitForReportAsync(runA, TimeSpan.FromSeconds(60));
        var reportB = await b.WaitForReportAsync(runB, TimeSpan.FromSeconds(60));
        var (refusedA, refusal) = await a.SendAsync(HttpMethod.Post, "/api/drills/slow-hangzhou/runs");
        var (refusedB, _) = await b.SendAsync(HttpMethod.Post, "/api/drills/slow-shanghai/runs");
        var (_, stateOnA) = await a.SendAsync(HttpMethod.Get, "/api/freeze");
        var metricA = await a.Http.GetStringAsync("/metrics");
        var afterFreeze = LabState.Snapshot(lab);
        var (lifted, _) = await a.SendAsync(HttpMethod.Post, "/api/unfreeze", """{"by": "@lead"}""");
        var (startedAgain, again) = await b.SendAsync(HttpMethod.Post, "/api/drills/slow-shanghai/runs");
        var (_, audit) = await a.SendAsync(HttpMethod.Get, "/api/audit");

        Assert.That(frozen, Is.EqualTo(HttpStatusCode.OK), freeze.ToJsonString());
        Assert.That(freeze["stoppingRuns"]!.GetValue<int>(), Is.EqualTo(2));
        foreach (var report in new[] { reportA, reportB })
        {
            Assert.That(report["verdict"]!.GetValue<string>(), Is.EqualTo("aborted"));
            Assert.That(report["reasons"]!.AsArray().Select(r => r!.GetValue<string>()), Has.Some.EqualTo("aborted: frozen by @oncall: incident INC-42"));
            Assert.That(report["restore"]!["status"]!.GetValue<string>(), Is.EqualTo("verified"));
        }

        Assert.That(afterFreeze, Is.EqualTo(before), "both clusters restored exactly");
        Assert.That(refusedA, Is.EqualTo(HttpStatusCode.Locked));
        Assert.That(refusal["detail"]!.GetValue<string>(), Does.Contain("frozen by @oncall: incident INC-42"));
        Assert.That(refusedB, Is.EqualTo(HttpStatusCode.Locked));
        Assert.That(stateOnA["frozen"]!.GetValue<bool>(), Is.True, "the other replica sees the freeze");
        Assert.That(metricA, Does.Contain("drillbot_frozen 1"));
        Assert.That(lifted, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(startedAgain, Is.EqualTo(HttpStatusCode.Accepted), again.ToJsonString());
        Assert.That(Slack.EndToEnd.OverrideBlackoutSlackTests.Actions(audit), Does.Contain("freeze").And.Contain("unfreeze"));
        await b.SendAsync(HttpMethod.Post, $"/api/runs/{again["runId"]!.GetValue<string>()}/abort");
        await b.WaitForReportAsync(again["runId"]!.GetValue<string>());
    }

    [Test]
    public async Task Freeze_SurvivesARestartOfEveryReplica()
    {
        await using (var a = await StartAsync("replica-a"))
        {
            await a.SendAsync(HttpMethod.Post, "/api/freeze", """{"reason": "change freeze for the release"}""");
        }

        await using var restarted = await StartAsync("replica-a2");
        var (status, state) = await restarted.SendAsync(HttpMethod.Get, "/api/freeze");
        var (refused, _) = await restarted.SendAsync(HttpMethod.Post, "/api/drills/slow-hangzhou/runs");
        await Eventually.WaitAsync(async () => (await restarted.Http.GetStringAsync("/metrics")).Contains("drillbot_frozen 1", StringComparison.Ordinal) ? "1" : null, "the gauge after restart");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(state["frozen"]!.GetValue<bool>(), Is.True);
        Assert.That(state["reason"]!.GetValue<string>(), Is.EqualTo("change freeze for the release"));
        Assert.That(refused, Is.EqualTo(HttpStatusCode.Locked));
    }

    private Task<ServiceHarness> StartAsync(string instance) =>
        ServiceHarness.StartAsync(new ServiceHarness.Options { Lab = lab, Directory = directory, Store = database.Location, InstanceId = instance });
}

using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using DrillBot.Store.Runs;
using DrillBot.Store;

namespace DrillBot.Tests.Store.Runs;

[TestFixture(StoreEngine.Sqlite)]
[TestFixture(StoreEngine.Postgres)]
public sealed class RunStoreTests(StoreEngine engine) : StoreTestBase(engine)
{
    private const string Report = """{"runId":"r1","drill":"reviews-failover","verdict":"passed","reasons":["ok — ünïcode ✓"]}""";

    private static RunStart Run(string id, string drill, DateTimeOffset startedAt, string owner = "bot-a", TriggerKind kind = TriggerKind.Slack) =>
        new(id, drill, new RunTrigger(kind, "U123"), startedAt, owner);

    [Test]
    public async Task StartAsync_NewRun_IsStoredAsRunning()
    {
        var started = await Store.Runs.StartAsync(Run("r1", "reviews-failover", T0), CancellationToken.None);

        var record = await Store.Runs.GetAsync("r1", CancellationToken.None);
        Assert.That(started, Is.True);
        Assert.That(record, Is.Not.Null);
        Assert.That(record!.Run, Is.EqualTo(new RunSummary("r1", "reviews-failover", new RunTrigger(TriggerKind.Slack, "U123"), RunStatus.Running, null, null, T0, null, "bot-a", null, null)));
        Assert.That(record.ReportJson, Is.Null);
    }

    [Test]
    public async Task StartAsync_SameIdTwice_SecondIsRefusedAndFirstKept()
    {
        await Store.Runs.StartAsync(Run("r1", "reviews-failover", T0), CancellationToken.None);

        var again = await Store.Runs.StartAsync(Run("r1", "other", T0.AddMinutes(1), "bot-b"), CancellationToken.None);

        var record = await Store.Runs.GetAsync("r1", CancellationToken.None);
        Assert.That(again, Is.False);
        Assert.That(record!.Run.Drill, Is.EqualTo("reviews-failover"));
    }

    [Test]
    public async Task FinishAsync_RunningRun_StoresOutcomeReportAndExactTimes()
    {
        var started = T0.AddTicks(12_345_678);
        var finished = started.AddSeconds(95.25);
        await Store.Runs.StartAsync(Run("r1", "reviews-failover", started), CancellationToken.None);

        var ok = await Store.Runs.FinishAsync(
            "r1",
            new RunOutcome(RunStatus.Finished, Verdict.Passed, RestoreStatus.Verified, finished, TimeSpan.FromSeconds(1.4), "passed, recovered in 1.4s", Report),
            CancellationToken.None);

        var record = await Store.Runs.GetAsync("r1", CancellationToken.None);
        Assert.That(ok, Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(record!.Run.Status, Is.EqualTo(RunStatus.Finished));
            Assert.That(record.Run.Verdict, Is.EqualTo(Verdict.Passed));
            Assert.That(record.Run.RestoreStatus, Is.EqualTo(RestoreStatus.Verified));
            Assert.That(record.Run.StartedAt, Is.EqualTo(started.AddTicks(-(started.UtcTicks % 10))), "microsecond precision");
            Assert.That(record.Run.StartedAt.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(record.Run.FinishedAt, Is.EqualTo(finished.AddTicks(-(finished.UtcTicks % 10))));
            Assert.That(record.Run.Recovery, Is.EqualTo(TimeSpan.FromSeconds(1.4)));
            Assert.That(record.Run.Summary, Is.EqualTo("passed, recovered in 1.4s"));
            Assert.That(record.ReportJson, Is.EqualTo(Report));
        });
    }

    [Test]
    public async Task FinishAsync_AlreadyFinished_IsRefusedAndFirstOutcomeKept()
    {
        await Store.Runs.StartAsync(Run("r1", "d", T0), CancellationToken.None);
        await Store.Runs.FinishAsync("r1", new RunOutcome(RunStatus.Finished, Verdict.Failed, RestoreStatus.Verified, T0.AddMinutes(1), null, "failed", "{}"), CancellationToken.None);

        var again = await Store.Runs.FinishAsync("r1", new RunOutcome(RunStatus.Finished, Verdict.Passed, RestoreStatus.Verified, T0.AddMinutes(2), null, "passed", "{}"), CancellationToken.None);
        var unknown = await Store.Runs.FinishAsync("nope", new RunOutcome(RunStatus.Finished, Verdict.Passed, null, T0, null, null, null), CancellationToken.None);

        Assert.That(again, Is.False);
        Assert.That(unknown, Is.False);
        Assert.That((await Store.Runs.GetAsync("r1", CancellationToken.None))!.Run.Verdict, Is.EqualTo(Verdict.Failed));
    }

    [Test]
    public void FinishAsync_OutcomeStillRunning_Throws() =>
        Assert.ThrowsAsync<ArgumentException>(() =>
            Store.Runs.FinishAsync("r1", new RunOutcome(RunStatus.Running, null, null, T0, null, null, null), CancellationToken.None));

    [Test]
    public async Task MarkInterruptedAsync_DeadOwnersRun_LeavesRunningListAndCanBeRestoredAfterwards()
    {
        await Store.Runs.StartAsync(Run("r1", "d", T0), CancellationToken.None);

        var interrupted = await Store.Runs.MarkInterruptedAsync("r1", CancellationToken.None);
        var twice = await Store.Runs.MarkInterruptedAsync("r1", CancellationToken.None);
        var running = await Store.Runs.ListRunningAsync(CancellationToken.None);
        var finished = await Store.Runs.FinishAsync(
            "r1", new RunOutcome(RunStatus.RestoredAfterInterruption, Verdict.Errored, RestoreStatus.Verified, T0.AddMinutes(3), null, "restored after an interrupted run", null), CancellationToken.None);

        Assert.That(interrupted, Is.True);
        Assert.That(twice, Is.False);
        Assert.That(running, Is.Empty);
        Assert.That(finished, Is.True);
        Assert.That((await Store.Runs.GetAsync("r1", CancellationToken.None))!.Run.Status, Is.EqualTo(RunStatus.RestoredAfterInterruption));
    }

    [Test]
    public async Task ListLatestAsync_ManyRuns_NewestFirstLimitedAndFilteredByDrill()
    {
        for (var i = 0; i < 6; i++)
        {
            await Store.Runs.StartAsync(Run($"r{i}", i % 2 == 0 ? "failover" : "distribution", T0.AddMinutes(i)), CancellationToken.None);
        }

        var latest = await Store.Runs.ListLatestAsync(4, null, CancellationToken.None);
        var failover = await Store.Runs.ListLatestAsync(10, "failover", CancellationToken.None);

        Assert.That(latest.Select(r => r.RunId), Is.EqualTo(new[] { "r5", "r4", "r3", "r2" }));
        Assert.That(failover.Select(r => r.RunId), Is.EqualTo(new[] { "r4", "r2", "r0" }));
    }

    [Test]
    public async Task ListRunningAndOwnedBy_MixedRuns_FilterByStatusAndOwner()
    {
        await Store.Runs.StartAsync(Run("a1", "d", T0, "bot-a"), CancellationToken.None);
        await Store.Runs.StartAsync(Run("b1", "d", T0.AddSeconds(1), "bot-b"), CancellationToken.None);
        await Store.Runs.StartAsync(Run("a2", "d", T0.AddSeconds(2), "bot-a", TriggerKind.Schedule), CancellationToken.None);
        await Store.Runs.FinishAsync("a1", new RunOutcome(RunStatus.Finished, Verdict.Passed, RestoreStatus.Verified, T0.AddMinutes(1), null, null, "{}"), CancellationToken.None);

        var running = await Store.Runs.ListRunningAsync(CancellationToken.None);
        var ownedByA = await Store.Runs.ListOwnedByAsync("bot-a", 10, CancellationToken.None);

        Assert.That(running.Select(r => r.RunId), Is.EqualTo(new[] { "b1", "a2" }));
        Assert.That(ownedByA.Select(r => (r.RunId, r.Status, r.Trigger.Kind)), Is.EqualTo(new[] { ("a2", RunStatus.Running, TriggerKind.Schedule), ("a1", RunStatus.Finished, TriggerKind.Slack) }));
    }
}

using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using DrillBot.Store.Runs;
using DrillBot.Store;

namespace DrillBot.Tests.Store.Runs;

/// <summary><see cref="IRunStore.StartUnlessBusyAsync"/>: the check for a conflicting running run and the insert are one step for every replica.</summary>
[TestFixture(StoreEngine.Sqlite)]
[TestFixture(StoreEngine.Postgres)]
public sealed class RunStoreExclusiveStartTests(StoreEngine engine) : StoreTestBase(engine)
{
    private static RunStart Run(string id, string drill, DateTimeOffset at, string owner) => new(id, drill, new RunTrigger(TriggerKind.Api, "t"), at, owner);

    [Test]
    public async Task StartUnlessBusyAsync_ConflictingRunRunning_NotStartedAndNamesIt()
    {
        await Store.Runs.StartAsync(Run("r1", "reviews-failover", T0, "bot-a"), CancellationToken.None);

        var result = await Store.Runs.StartUnlessBusyAsync(Run("r2", "reviews-distribution", T0.AddSeconds(1), "bot-b"), r => r.Drill == "reviews-failover", CancellationToken.None);

        Assert.That(result.Started, Is.False);
        Assert.That(result.BusyWith?.RunId, Is.EqualTo("r1"));
        Assert.That(await Store.Runs.GetAsync("r2", CancellationToken.None), Is.Null, "nothing recorded");
    }

    [Test]
    public async Task StartUnlessBusyAsync_OnlyUnrelatedOrFinishedRuns_Started()
    {
        await Store.Runs.StartAsync(Run("r1", "other", T0, "bot-a"), CancellationToken.None);
        await Store.Runs.StartAsync(Run("r0", "reviews-failover", T0, "bot-a"), CancellationToken.None);
        await Store.Runs.FinishAsync("r0", new RunOutcome(RunStatus.Finished, Verdict.Passed, RestoreStatus.Verified, T0.AddMinutes(1), null, "passed", "{}"), CancellationToken.None);

        var result = await Store.Runs.StartUnlessBusyAsync(Run("r2", "reviews-failover", T0.AddMinutes(2), "bot-b"), r => r.Drill == "reviews-failover", CancellationToken.None);

        Assert.That(result, Is.EqualTo(new RunStartResult(true, null)));
        Assert.That((await Store.Runs.GetAsync("r2", CancellationToken.None))!.Run.Status, Is.EqualTo(RunStatus.Running));
    }

    [Test]
    public async Task StartUnlessBusyAsync_TwoReplicasAtTheSameInstant_ExactlyOneStarts()
    {
        var other = await OpenAnotherStoreAsync();
        for (var round = 0; round < 20; round++)
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Task<RunStartResult> Start(IDrillBotStore store, string id) => Task.Run(async () =>
            {
                await gate.Task;
                return await store.Runs.StartUnlessBusyAsync(Run(id, "reviews-failover", T0, id), r => r.Drill == "reviews-failover", CancellationToken.None);
            });
            var a = Start(Store, $"a{round}");
            var b = Start(other, $"b{round}");
            gate.SetResult();

            var results = await Task.WhenAll(a, b);

            var winner = results.Where(r => r.Started).ToList();
            Assert.That(winner, Has.Count.EqualTo(1), $"round {round}: exactly one of two simultaneous starts may record its run");
            var loser = results.Single(r => !r.Started);
            var winnerId = results[0].Started ? $"a{round}" : $"b{round}";
            Assert.That(loser.BusyWith?.RunId, Is.EqualTo(winnerId), $"round {round}: the refused start names the winner");
            Assert.That((await Store.Runs.ListRunningAsync(CancellationToken.None)).Select(r => r.RunId), Is.EqualTo(new[] { winnerId }));
            await Store.Runs.FinishAsync(winnerId, new RunOutcome(RunStatus.Finished, Verdict.Passed, RestoreStatus.Verified, T0, null, "passed", "{}"), CancellationToken.None);
        }
    }
}

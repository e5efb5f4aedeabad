using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using DrillBot.Store.Runs;
using DrillBot.Store;

namespace DrillBot.Tests.Store.Runs;

/// <summary>A run whose restore failed is recorded interrupted with its report, and finished again once recovery restored it.</summary>
[TestFixture(StoreEngine.Sqlite)]
[TestFixture(StoreEngine.Postgres)]
public sealed class RunStoreRestoreFailedTests(StoreEngine engine) : StoreTestBase(engine)
{
    [Test]
    public async Task FinishAsync_RunEndedInterruptedWithRestoreFailed_CanBeFinishedAgainOnceRestored()
    {
        await Store.Runs.StartAsync(new RunStart("r1", "d", new RunTrigger(TriggerKind.Api, "api"), T0, "bot-a"), CancellationToken.None);
        await Store.Runs.FinishAsync("r1", new RunOutcome(RunStatus.Interrupted, Verdict.Aborted, RestoreStatus.Failed, T0.AddMinutes(1), null, "aborted; restore failed", "{\"restore\":\"failed\"}"), CancellationToken.None);

        var restored = await Store.Runs.FinishAsync(
            "r1", new RunOutcome(RunStatus.RestoredAfterInterruption, Verdict.Aborted, RestoreStatus.Verified, T0.AddMinutes(5), null, "aborted; restore verified after an interruption", "{\"restore\":\"verified\"}"), CancellationToken.None);
        var again = await Store.Runs.FinishAsync(
            "r1", new RunOutcome(RunStatus.Finished, Verdict.Passed, RestoreStatus.Verified, T0.AddMinutes(6), null, "passed", "{}"), CancellationToken.None);

        var record = await Store.Runs.GetAsync("r1", CancellationToken.None);
        Assert.That(restored, Is.True, "an interrupted run is finished once its restore completed");
        Assert.That(again, Is.False, "a restored run is final");
        Assert.That(record!.Run.Status, Is.EqualTo(RunStatus.RestoredAfterInterruption));
        Assert.That(record.Run.RestoreStatus, Is.EqualTo(RestoreStatus.Verified));
        Assert.That(record.Run.FinishedAt, Is.EqualTo(T0.AddMinutes(5)));
        Assert.That(record.ReportJson, Is.EqualTo("{\"restore\":\"verified\"}"));
    }
}

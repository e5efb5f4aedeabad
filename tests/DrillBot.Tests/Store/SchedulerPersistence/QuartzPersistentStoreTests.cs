using DrillBot.Store;
using DrillBot.Tests.Support;
using Quartz;

namespace DrillBot.Tests.Store.SchedulerPersistence;

/// <summary>
/// Quartz 4.7.3's persistent store in DrillBot's own database: tables created by
/// <see cref="SchemaProvisioning.CreateIfMissing"/> (create-only, never drop), clustered on PostgreSQL,
/// single node on SQLite, System.Text.Json serialization.
/// </summary>
public sealed class QuartzPersistentStoreTests
{
    private static readonly TimeSpan FireTimeout = TimeSpan.FromSeconds(30);

    [Test]
    public async Task PostgresClustered_EmptyDatabase_CreatesTablesAndFiresAJob()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Postgres, "quartz");
        await using var store = await StoreFactory.OpenAsync(database.Location, TimeProvider.System, null, CancellationToken.None);
        await using var factory = QuartzStore.Build(database.Location, "node-a");
        var scheduler = await factory.GetScheduler();
        await scheduler.Start();

        var ranOn = await ScheduleNowAndWaitAsync(scheduler, "pg-fire");

        Assert.That(ranOn, Is.EqualTo("node-a"));
        Assert.That((await scheduler.GetMetadata()).JobStoreClustered, Is.True);
        Assert.That(await RawSql.CountAsync(database.Location, "qrtz_locks"), Is.GreaterThan(0), "Quartz tables created in DrillBot's database");
        Assert.That(await store.CheckAsync(CancellationToken.None), Is.Null, "DrillBot's own tables untouched");
    }

    [Test]
    public async Task PostgresClustered_TwoNodesStartingTogetherAndRestarting_NothingDroppedNothingFails()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Postgres, "quartz2");
        await using var nodeA = QuartzStore.Build(database.Location, "node-a");
        await using var nodeB = QuartzStore.Build(database.Location, "node-b");
        var schedulerA = await nodeA.GetScheduler();
        var schedulerB = await nodeB.GetScheduler();

        await Task.WhenAll(schedulerA.Start().AsTask(), schedulerB.Start().AsTask());
        var kept = JobBuilder.Create<SignalJob>().WithIdentity("kept").StoreDurably().Build();
        await schedulerA.AddJob(kept);
        await schedulerA.Shutdown(waitForJobsToComplete: true);

        await using var nodeC = QuartzStore.Build(database.Location, "node-c");
        var schedulerC = await nodeC.GetScheduler();
        await schedulerC.Start();
        var ranOn = await ScheduleNowAndWaitAsync(schedulerB, "pg-restart");

        Assert.That(await schedulerB.Exists(new JobKey("kept")), Is.True);
        Assert.That(await schedulerC.Exists(new JobKey("kept")), Is.True);
        Assert.That(ranOn, Is.AnyOf("node-b", "node-c"));
        Assert.That(await RawSql.CountAsync(database.Location, "qrtz_job_details"), Is.EqualTo(2), "both durable jobs survived every start");
    }

    [Test]
    public async Task Sqlite_SingleNode_CreatesTablesAndFiresAJob()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite, "quartz");
        await using (var store = await StoreFactory.OpenAsync(database.Location, TimeProvider.System, null, CancellationToken.None))
        await using (var factory = QuartzStore.Build(database.Location, "single"))
        {
            var scheduler = await factory.GetScheduler();
            await scheduler.Start();

            var ranOn = await ScheduleNowAndWaitAsync(scheduler, "sqlite-fire");

            Assert.That(ranOn, Is.EqualTo("single"));
            Assert.That((await scheduler.GetMetadata()).JobStoreClustered, Is.False);
            Assert.That(await RawSql.CountAsync(database.Location, "qrtz_job_details"), Is.EqualTo(1));
            Assert.That(await store.CheckAsync(CancellationToken.None), Is.Null);
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }
    }

    private static async Task<string> ScheduleNowAndWaitAsync(IScheduler scheduler, string name)
    {
        var signal = $"{name}-{Guid.NewGuid():N}";
        var job = JobBuilder.Create<SignalJob>().WithIdentity(name).UsingJobData("signal", signal).StoreDurably().Build();
        await scheduler.ScheduleJob(job, TriggerBuilder.Create().WithIdentity(name).StartNow().Build());
        return await SignalJob.WaitFor(signal).WaitAsync(FireTimeout, TimeProvider.System);
    }
}

using DrillBot.Drills.Running;
using DrillBot.Store.Runs;
using DrillBot.Store.Schema;
using DrillBot.Store;
using DrillBot.Tests.Support;

namespace DrillBot.Tests.Store.Schema;

[TestFixture(StoreEngine.Sqlite)]
[TestFixture(StoreEngine.Postgres)]
public sealed class MigrationTests(StoreEngine engine) : StoreTestBase(engine)
{
    private static readonly Migration Extra = new(
        Migrations.Latest + 1,
        "test extra",
        Sqlite: "CREATE TABLE drillbot_test_extra (id INTEGER NOT NULL PRIMARY KEY)",
        Postgres: "CREATE TABLE drillbot_test_extra (id bigint NOT NULL PRIMARY KEY)");

    [Test]
    public async Task OpenAsync_EmptyDatabase_AppliesEveryMigrationOnce()
    {
        Assert.Multiple(async () =>
        {
            Assert.That(Store.SchemaVersion, Is.EqualTo(Migrations.Latest));
            Assert.That(await RawSql.CountAsync(Database.Location, "drillbot_schema_version"), Is.EqualTo(Migrations.All.Count));
            Assert.That(await Store.CheckAsync(CancellationToken.None), Is.Null);
        });
    }

    [Test]
    public async Task OpenAsync_AgainOnMigratedDatabase_KeepsDataAndAppliesNothing()
    {
        await Store.Runs.StartAsync(new RunStart("r1", "reviews-failover", new RunTrigger(TriggerKind.Cli, "me"), T0, "a"), CancellationToken.None);

        var reopened = await OpenAnotherStoreAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(reopened.SchemaVersion, Is.EqualTo(Migrations.Latest));
            Assert.That(await RawSql.CountAsync(Database.Location, "drillbot_schema_version"), Is.EqualTo(Migrations.All.Count));
            Assert.That(await reopened.Runs.GetAsync("r1", CancellationToken.None), Is.Not.Null);
        });
    }

    [Test]
    public async Task OpenAsync_FourReplicasAtOnceOnEmptyDatabase_AllSucceedAndMigrateOnce()
    {
        await using var fresh = await TestDatabase.CreateAsync(Engine, "concurrent");

        var opening = Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => StoreFactory.OpenAsync(fresh.Location, Time, null, CancellationToken.None)))
            .ToList();
        var stores = await Task.WhenAll(opening);
        try
        {
            Assert.Multiple(async () =>
            {
                Assert.That(stores.Select(s => s.SchemaVersion), Is.All.EqualTo(Migrations.Latest));
                Assert.That(await RawSql.CountAsync(fresh.Location, "drillbot_schema_version"), Is.EqualTo(Migrations.All.Count));
            });
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    [Test]
    public async Task OpenAsync_NewerCodeWithExtraMigration_AppliesOnlyTheNewOneAndKeepsData()
    {
        await Store.Dedupe.TryRememberAsync("seen", TimeSpan.FromHours(1), CancellationToken.None);

        var upgraded = Track(await StoreFactory.OpenAsync(Database.Location, Time, null, [.. Migrations.All, Extra], CancellationToken.None));

        Assert.Multiple(async () =>
        {
            Assert.That(upgraded.SchemaVersion, Is.EqualTo(Extra.Version));
            Assert.That(await RawSql.CountAsync(Database.Location, "drillbot_test_extra"), Is.Zero);
            Assert.That(await RawSql.CountAsync(Database.Location, "drillbot_schema_version"), Is.EqualTo(Migrations.All.Count + 1));
            Assert.That(await upgraded.Dedupe.TryRememberAsync("seen", TimeSpan.FromHours(1), CancellationToken.None), Is.False);
        });
    }

    [Test]
    public async Task OpenAsync_DatabaseNewerThanCode_RefusesWithOneLineNamingTheVariable()
    {
        Track(await StoreFactory.OpenAsync(Database.Location, Time, null, [.. Migrations.All, Extra], CancellationToken.None));

        var error = Assert.ThrowsAsync<StoreException>(() => StoreFactory.OpenAsync(Database.Location, Time, null, CancellationToken.None));

        Assert.That(error!.Message, Does.StartWith("DRILLBOT_DB:").And.Contain($"schema version {Extra.Version}").And.Not.Contain('\n'));
        Assert.That(await RawSql.CountAsync(Database.Location, "drillbot_test_extra"), Is.Zero, "nothing was dropped");
    }
}

using DrillBot.Store;
using DrillBot.Tests.Support.Postgres;

namespace DrillBot.Tests.Store.Postgres;

public sealed class PostgresStoreTests
{
    [Test]
    public async Task CheckAsync_DatabaseDroppedUnderneath_ReportsOneLineWithoutPassword()
    {
        var database = await PostgresTestServer.CreateDatabaseAsync("check");
        var location = StoreLocation.Parse(database.ConnectionString + ";Password=hunter2");
        await using var store = await StoreFactory.OpenAsync(location, TimeProvider.System, null, CancellationToken.None);
        var healthy = await store.CheckAsync(CancellationToken.None);

        await database.DisposeAsync();
        var problem = await store.CheckAsync(CancellationToken.None);

        Assert.That(healthy, Is.Null);
        Assert.That(problem, Does.StartWith("DRILLBOT_DB: cannot reach the PostgreSQL database Host=127.0.0.1").And.Contain(database.Name).And.Not.Contain("hunter2").And.Not.Contain('\n'));
    }

    [Test]
    public async Task TestServer_TwoDatabases_AreIsolated()
    {
        await using var first = await PostgresTestServer.CreateDatabaseAsync("iso");
        await using var second = await PostgresTestServer.CreateDatabaseAsync("iso");
        await using (var store = await StoreFactory.OpenAsync(StoreLocation.Parse(first.ConnectionString), TimeProvider.System, null, CancellationToken.None))
        {
            await store.Dedupe.TryRememberAsync("k", TimeSpan.FromMinutes(1), CancellationToken.None);
        }

        await using var other = await StoreFactory.OpenAsync(StoreLocation.Parse(second.ConnectionString), TimeProvider.System, null, CancellationToken.None);

        Assert.That(first.Name, Is.Not.EqualTo(second.Name));
        Assert.That(await other.Dedupe.TryRememberAsync("k", TimeSpan.FromMinutes(1), CancellationToken.None), Is.True);
    }
}

using DrillBot.Drills.Running;
using DrillBot.Store.Runs;
using DrillBot.Store;
using Microsoft.Data.Sqlite;

namespace DrillBot.Tests.Store.Sqlite;

public sealed class SqliteDatabaseTests() : StoreTestBase(StoreEngine.Sqlite)
{
    [Test]
    public async Task OpenAsync_NewFile_UsesWalJournal() =>
        Assert.That(await RawSql.ScalarAsync(Database.Location, "PRAGMA journal_mode"), Is.EqualTo("wal"));

    [Test]
    public async Task WriteAsync_AnotherConnectionHoldsTheWriteLock_WaitsAndSucceedsAfterRelease()
    {
        await using var blocker = new SqliteConnection(Database.Location.ConnectionString);
        await blocker.OpenAsync();
        await using var transaction = (SqliteTransaction)await blocker.BeginTransactionAsync();
        await using (var insert = blocker.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO drillbot_dedupe (dedupe_key, remembered_at, expires_at) VALUES ('other', 'x', 'x')";
            await insert.ExecuteNonQueryAsync();
        }

        var write = Task.Run(() => Store.Runs.StartAsync(new RunStart("r1", "d", new RunTrigger(TriggerKind.Cli, "me"), T0, "a"), CancellationToken.None));
        await Task.Delay(TimeSpan.FromMilliseconds(300), TimeProvider.System);
        var finishedWhileLocked = write.IsCompleted;
        await transaction.CommitAsync();

        Assert.That(finishedWhileLocked, Is.False);
        Assert.That(await write, Is.True);
        Assert.That(await RawSql.CountAsync(Database.Location, "drillbot_dedupe"), Is.EqualTo(1));
    }

    [Test]
    public async Task Writes_ManyThreadsOnOneFile_NoneFailsWithDatabaseLocked()
    {
        var other = await OpenAnotherStoreAsync();
        var writers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            var store = w % 2 == 0 ? Store : other;
            for (var i = 0; i < 20; i++)
            {
                await store.Runs.StartAsync(new RunStart($"r{w}-{i}", "d", new RunTrigger(TriggerKind.Api, "ci"), T0.AddSeconds(i), $"w{w}"), CancellationToken.None);
                await store.Dedupe.TryRememberAsync($"k{w}-{i}", TimeSpan.FromMinutes(5), CancellationToken.None);
            }
        }));

        await Task.WhenAll(writers);

        Assert.That(await RawSql.CountAsync(Database.Location, "drillbot_runs"), Is.EqualTo(120));
        Assert.That(await RawSql.CountAsync(Database.Location, "drillbot_dedupe"), Is.EqualTo(120));
    }
}

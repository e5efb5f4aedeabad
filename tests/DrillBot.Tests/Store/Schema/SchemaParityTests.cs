using DrillBot.Store;
using DrillBot.Tests.Support;

namespace DrillBot.Tests.Store.Schema;

public sealed class SchemaParityTests
{
    [Test]
    public async Task Migrations_BothEngines_CreateTheSameTablesAndColumns()
    {
        await using var sqlite = await TestDatabase.CreateAsync(StoreEngine.Sqlite, "parity");
        await using var postgres = await TestDatabase.CreateAsync(StoreEngine.Postgres, "parity");
        await using (await StoreFactory.OpenAsync(sqlite.Location, TimeProvider.System, null, CancellationToken.None))
        await using (await StoreFactory.OpenAsync(postgres.Location, TimeProvider.System, null, CancellationToken.None))
        {
            var sqliteColumns = await RawSql.ColumnsAsync(sqlite.Location);
            var postgresColumns = await RawSql.ColumnsAsync(postgres.Location);

            Assert.That(sqliteColumns, Has.Count.GreaterThan(40));
            Assert.That(postgresColumns, Is.EqualTo(sqliteColumns));
        }
    }
}

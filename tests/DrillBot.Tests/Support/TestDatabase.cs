using DrillBot.Store;
using DrillBot.Tests.Support.Postgres;

namespace DrillBot.Tests.Support;

/// <summary>
/// A throwaway store database of either engine: a SQLite file in its own temp directory, or a fresh
/// database on the shared PostgreSQL test server. <see cref="Location"/> is what DRILLBOT_DB would say.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? sqliteDirectory;
    private readonly PostgresTestDatabase? postgres;

    private TestDatabase(StoreLocation location, string? sqliteDirectory, PostgresTestDatabase? postgres)
    {
        Location = location;
        this.sqliteDirectory = sqliteDirectory;
        this.postgres = postgres;
    }

    public StoreLocation Location { get; }

    public static async Task<TestDatabase> CreateAsync(StoreEngine engine, string purpose)
    {
        if (engine == StoreEngine.Postgres)
        {
            var database = await PostgresTestServer.CreateDatabaseAsync(purpose);
            return new TestDatabase(StoreLocation.Parse(database.ConnectionString), null, database);
        }

        var directory = Directory.CreateTempSubdirectory("drillbot-store-").FullName;
        return new TestDatabase(StoreLocation.Parse(Path.Combine(directory, "drillbot.db")), directory, null);
    }

    /// <summary>Empties the database again (as if just created): every table gone, cheaper than a new database.</summary>
    public async Task ResetAsync()
    {
        if (postgres is not null)
        {
            await using var connection = new Npgsql.NpgsqlConnection(postgres.ConnectionString + ";Pooling=false");
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("DROP SCHEMA public CASCADE; CREATE SCHEMA public;", connection);
            await command.ExecuteNonQueryAsync();
        }

        if (sqliteDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(sqliteDirectory))
            {
                File.Delete(file);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }

        if (sqliteDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(sqliteDirectory, recursive: true);
        }
    }
}

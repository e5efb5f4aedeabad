using System.Globalization;
using DrillBot.Store.Data;
using Microsoft.Extensions.Logging;

namespace DrillBot.Store.Schema;

/// <summary>
/// Brings the schema up to date on start, in one transaction: takes the engine's schema lock (an
/// advisory lock on PostgreSQL, the write lock on SQLite), reads the recorded version, applies the
/// missing migrations in order and records each one. Several replicas starting at once queue on
/// the lock; the first migrates and the rest find nothing to do. A database newer than this code
/// is refused rather than touched.
/// </summary>
internal sealed class MigrationRunner(StoreDatabase database, TimeProvider timeProvider, ILogger logger)
{
    private const string VersionTableSqlite =
        "CREATE TABLE IF NOT EXISTS drillbot_schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";

    private const string VersionTablePostgres =
        "CREATE TABLE IF NOT EXISTS drillbot_schema_version (version bigint NOT NULL PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)";

    /// <summary>Applies what is missing and returns the schema version now in force.</summary>
    public Task<int> MigrateAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        var latest = migrations.Count == 0 ? 0 : migrations.Max(m => m.Version);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                await database.LockSchemaAsync(connection, transaction, cancellationToken);
                var createTable = database.Engine == StoreEngine.Postgres ? VersionTablePostgres : VersionTableSqlite;
                await using (var create = database.Command(connection, transaction, createTable))
                {
                    await create.ExecuteNonQueryAsync(cancellationToken);
                }

                int current;
                await using (var read = database.Command(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM drillbot_schema_version"))
                {
                    current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
                }

                if (current > latest)
                {
                    throw new StoreException(
                        $"{StoreLocation.VariableName}: the database at {database.Location.Display} has schema version {current}, newer than this DrillBot knows ({latest}); run a newer DrillBot or use another database.");
                }

                foreach (var migration in migrations.Where(m => m.Version > current).OrderBy(m => m.Version))
                {
                    await using (var apply = database.Command(connection, transaction, migration.SqlFor(database.Engine)))
                    {
                        await apply.ExecuteNonQueryAsync(cancellationToken);
                    }

                    await using (var record = database.Command(
                        connection,
                        transaction,
                        "INSERT INTO drillbot_schema_version (version, name, applied_at) VALUES (@version, @name, @at)",
                        ("version", (long)migration.Version),
                        ("name", migration.Name),
                        ("at", timeProvider.GetUtcNow())))
                    {
                        await record.ExecuteNonQueryAsync(cancellationToken);
                    }

                    Log.MigrationApplied(logger, migration.Version, migration.Name, database.Location.Display);
                }

                return Math.Max(current, latest);
            },
            cancellationToken);
    }
}

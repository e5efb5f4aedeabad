using System.Data.Common;
using DrillBot.Store.Data;
using DrillBot.Store.Postgres;
using DrillBot.Store.Schema;
using DrillBot.Store.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DrillBot.Store;

/// <summary>Opens the store named by <c>DRILLBOT_DB</c> and migrates its schema.</summary>
public static class StoreFactory
{
    private static readonly TimeSpan SqliteBusyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Opens the store at <paramref name="location"/>, creating or migrating its schema. <paramref name="auditKey"/>
    /// (<c>DRILLBOT_AUDIT_KEY</c>) keys the audit log's hash chain (HMAC); null = plain SHA-256.
    /// </summary>
    /// <exception cref="StoreException">The database cannot be opened or its schema is newer than this code; one line, no password.</exception>
    public static Task<IDrillBotStore> OpenAsync(
        StoreLocation location,
        TimeProvider timeProvider,
        ILoggerFactory? loggerFactory,
        CancellationToken cancellationToken,
        byte[]? auditKey = null) =>
        OpenAsync(location, timeProvider, loggerFactory, Migrations.All, cancellationToken, auditKey);

    internal static async Task<IDrillBotStore> OpenAsync(
        StoreLocation location,
        TimeProvider timeProvider,
        ILoggerFactory? loggerFactory,
        IReadOnlyList<Migration> migrations,
        CancellationToken cancellationToken,
        byte[]? auditKey = null)
    {
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("DrillBot.Store");
        StoreDatabase database = location.Engine == StoreEngine.Postgres
            ? new PostgresDatabase(location)
            : new SqliteDatabase(location, SqliteBusyTimeout);
        try
        {
            await database.InitializeAsync(cancellationToken);
            var version = await new MigrationRunner(database, timeProvider, logger).MigrateAsync(migrations, cancellationToken);
            Log.StoreOpened(logger, location.Engine, location.Display, version);
            return new DrillBotStore(database, version, timeProvider, logger, auditKey);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException or IOException or UnauthorizedAccessException)
        {
            await database.DisposeAsync();
            throw new StoreException(StoreErrors.Describe(location, "cannot open", e), e);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }
}

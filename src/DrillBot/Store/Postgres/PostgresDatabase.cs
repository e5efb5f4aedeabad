using System.Data.Common;
using DrillBot.Store.Data;
using Npgsql;

namespace DrillBot.Store.Postgres;

/// <summary>
/// PostgreSQL through one pooled <see cref="NpgsqlDataSource"/>. Times are <c>timestamptz</c>;
/// schema changes are serialized across replicas by a transaction-scoped advisory lock.
/// </summary>
internal sealed class PostgresDatabase : StoreDatabase
{
    /// <summary>The advisory lock key of DrillBot's schema migrations ("DRILLBOT" in ASCII).</summary>
    public const long SchemaLockKey = 0x4452_494C_4C42_4F54;

    /// <summary>The advisory lock key that serializes run starts across replicas ("DRILLRUN" in ASCII).</summary>
    public const long RunStartLockKey = 0x4452_494C_4C52_554E;

    /// <summary>The advisory lock key that serializes audit appends across replicas ("DRILLAUD" in ASCII).</summary>
    public const long AuditLockKey = 0x4452_494C_4C41_5544;

    private readonly NpgsqlDataSource dataSource;

    public PostgresDatabase(StoreLocation location)
        : base(location) => dataSource = NpgsqlDataSource.Create(location.ConnectionString);

    public override async Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", ("key", SchemaLockKey));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async Task LockRunStartsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", ("key", RunStartLockKey));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async Task LockAuditAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", ("key", AuditLockKey));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override string RowLock => " FOR UPDATE";

    public override object ToDbTime(DateTimeOffset value) => StoreTime.Normalize(value);

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public override ValueTask DisposeAsync() => dataSource.DisposeAsync();

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);
}

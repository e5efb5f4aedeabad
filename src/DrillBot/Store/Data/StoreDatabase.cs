using System.Data.Common;

namespace DrillBot.Store.Data;

/// <summary>
/// The one implementation shape both engines share: connections, transactions, parameters and time
/// conversion. Each engine supplies only what differs (how to connect, how a time is stored, how
/// schema changes are serialized, and its DDL in <see cref="Schema.Migrations"/>).
/// </summary>
internal abstract class StoreDatabase : IAsyncDisposable
{
    protected StoreDatabase(StoreLocation location) => Location = location;

    public StoreLocation Location { get; }

    public StoreEngine Engine => Location.Engine;

    /// <summary>One-time preparation before first use (directories, journal mode).</summary>
    public virtual Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Serializes schema changes among every process that shares the database.</summary>
    public abstract Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>
    /// Serializes run starts among every process that shares the database, until the transaction ends. The default
    /// does nothing: an engine whose write transactions already exclude each other (SQLite's BEGIN IMMEDIATE) needs no more.
    /// </summary>
    public virtual Task LockRunStartsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Serializes appends to the audit log among every process that shares the database (default: nothing more than the write transaction).</summary>
    public virtual Task LockAuditAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Appended to a SELECT inside a write transaction to lock the rows read (PostgreSQL <c>FOR UPDATE</c>; SQLite's write transaction excludes every other writer already).</summary>
    public virtual string RowLock => string.Empty;

    public abstract object ToDbTime(DateTimeOffset value);

    public abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    public abstract ValueTask DisposeAsync();

    /// <summary>Runs read-only work on an open connection.</summary>
    public async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await work(connection);
    }

    /// <summary>Runs work in one transaction and commits it: when this returns, the change is durable.</summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        using var writer = await EnterWriterAsync(cancellationToken);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Builds a command; <see cref="DateTimeOffset"/> values are converted, nulls become <see cref="DBNull"/>.</summary>
    public DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value switch
            {
                null => DBNull.Value,
                DateTimeOffset time => ToDbTime(time),
                _ => value,
            };
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public DateTimeOffset? ReadNullableTime(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadTime(reader, ordinal);

    protected abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Waits for this process's turn to write; engines that need no local gate return a no-op.</summary>
    protected virtual ValueTask<IDisposable> EnterWriterAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IDisposable>(NoGate.Instance);

    private sealed class NoGate : IDisposable
    {
        public static readonly NoGate Instance = new();

        public void Dispose()
        {
        }
    }
}

using System.Collections.Concurrent;
using System.Data.Common;
using DrillBot.Store.Data;
using Microsoft.Data.Sqlite;

namespace DrillBot.Store.Sqlite;

/// <summary>
/// SQLite through Microsoft.Data.Sqlite: WAL journal (readers never wait for the writer), a busy
/// timeout, <c>synchronous=FULL</c> (a commit survives power loss, which the journal promises), and
/// one writer at a time per file within this process, so threads queue instead of failing with
/// <c>database is locked</c>. Other processes on the same file are serialized by
/// <c>BEGIN IMMEDIATE</c> and the busy timeout.
/// </summary>
internal sealed class SqliteDatabase : StoreDatabase
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> WriterGates = new(StringComparer.Ordinal);

    private readonly string connectionString;
    private readonly string path;
    private readonly SemaphoreSlim writerGate;
    private readonly int busyTimeoutMilliseconds;

    public SqliteDatabase(StoreLocation location, TimeSpan busyTimeout)
        : base(location)
    {
        var builder = new SqliteConnectionStringBuilder(location.ConnectionString) { Pooling = true };
        if (builder.DefaultTimeout < (int)Math.Ceiling(busyTimeout.TotalSeconds))
        {
            builder.DefaultTimeout = (int)Math.Ceiling(busyTimeout.TotalSeconds);
        }

        connectionString = builder.ConnectionString;
        path = builder.DataSource;
        busyTimeoutMilliseconds = (int)busyTimeout.TotalMilliseconds;
        writerGate = WriterGates.GetOrAdd(path, _ => new SemaphoreSlim(1, 1));
    }

    public override async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, null, "PRAGMA journal_mode=WAL;");
        var mode = (string?)await command.ExecuteScalarAsync(cancellationToken);
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new StoreException($"{StoreLocation.VariableName}: SQLite file {path} cannot use WAL journal mode (got '{mode}'); is it on a network file system?");
        }
    }

    /// <summary>BEGIN IMMEDIATE already makes this connection the only writer of the file.</summary>
    public override Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public override object ToDbTime(DateTimeOffset value) => StoreTime.ToSqliteText(value);

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => StoreTime.FromSqliteText(reader.GetString(ordinal));

    public override ValueTask DisposeAsync()
    {
        using (var connection = new SqliteConnection(connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        return ValueTask.CompletedTask;
    }

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA busy_timeout={busyTimeoutMilliseconds}; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    protected override async ValueTask<IDisposable> EnterWriterAsync(CancellationToken cancellationToken)
    {
        await writerGate.WaitAsync(cancellationToken);
        return new Release(writerGate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}

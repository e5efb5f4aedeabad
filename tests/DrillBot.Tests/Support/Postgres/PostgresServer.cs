using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace DrillBot.Tests.Support.Postgres;

/// <summary>
/// A throwaway PostgreSQL server: a fresh data directory under the temp directory, owned by the
/// <c>postgres</c> user when the tests run as root (initdb refuses root), listening on 127.0.0.1 on
/// a free port with its unix socket in that directory, fsync off. <see cref="DisposeAsync"/> stops
/// it and deletes everything; leftovers of a crashed run are removed by <see cref="StaleServers"/>.
/// </summary>
internal sealed class PostgresServer : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly PostgresBinaries binaries;
    private readonly string? runAs;
    private int disposed;

    private PostgresServer(PostgresBinaries binaries, string directory, string? runAs, int port)
    {
        this.binaries = binaries;
        this.runAs = runAs;
        Directory = directory;
        Port = port;
    }

    /// <summary>The user the server runs as: <c>postgres</c> when the tests run as root (initdb refuses root), else the current user.</summary>
    public static string? RunAs => Environment.IsPrivilegedProcess ? "postgres" : null;

    /// <summary>The server's own directory (data, log, socket).</summary>
    public string Directory { get; }

    public int Port { get; }

    private string DataDirectory => Path.Combine(Directory, "data");

    /// <summary>Starts a server whose directory names <paramref name="testProcessId"/> (default: this process) as its owner.</summary>
    public static async Task<PostgresServer> StartAsync(PostgresBinaries binaries, int? testProcessId = null)
    {
        var runAs = RunAs;
        var directory = StaleServers.NewServerDirectory(runAs, testProcessId ?? Environment.ProcessId);
        try
        {
            await RunAsync(binaries, runAs, directory, binaries.InitDb, "-D", Path.Combine(directory, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync");
            for (var attempt = 1; ; attempt++)
            {
                var server = new PostgresServer(binaries, directory, runAs, FreePort());
                var started = await server.TryStartAsync();
                if (started.ExitCode == 0)
                {
                    return server;
                }

                if (attempt == 3)
                {
                    throw new InvalidOperationException($"pg_ctl start failed 3 times; last: {started.Output} {ReadLog(directory)}");
                }
            }
        }
        catch
        {
            await StaleServers.RemoveAsync(binaries, directory, runAs);
            throw;
        }
    }

    /// <summary>A connection string for <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Database = database,
            Timeout = 15,
        }.ConnectionString;

    public async Task CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();

        // FILE_COPY (PostgreSQL 15+) copies the small template faster than WAL_LOG when fsync is off
        var strategy = connection.PostgreSqlVersion.Major >= 15 ? " STRATEGY = FILE_COPY" : string.Empty;
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"{strategy}", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DropDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await StaleServers.RemoveAsync(binaries, Directory, runAs);
    }

    private static async Task RunAsync(PostgresBinaries binaries, string? runAs, string directory, string file, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(runAs, directory, CommandTimeout, file, arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({result.ExitCode}) in {directory}: {result.Output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string ReadLog(string directory)
    {
        var log = Path.Combine(directory, "server.log");
        return File.Exists(log) ? File.ReadAllText(log) : string.Empty;
    }

    private Task<ProcessResult> TryStartAsync()
    {
        var options = string.Join(
            ' ',
            "-c listen_addresses=127.0.0.1",
            "-c port=" + Port.ToString(CultureInfo.InvariantCulture),
            $"-c unix_socket_directories='{Directory}'",
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            "-c max_connections=200 -c shared_buffers=32MB");
        return ProcessRunner.RunAsync(
            runAs, Directory, CommandTimeout, binaries.PgCtl, "-D", DataDirectory, "-l", Path.Combine(Directory, "server.log"), "-w", "-t", "30", "-o", options, "start");
    }
}

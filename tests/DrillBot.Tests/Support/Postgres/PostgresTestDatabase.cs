namespace DrillBot.Tests.Support.Postgres;

/// <summary>An empty database on the shared test server, dropped (connections and all) on dispose.</summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    private readonly PostgresServer server;

    internal PostgresTestDatabase(PostgresServer server, string name)
    {
        this.server = server;
        Name = name;
        ConnectionString = server.ConnectionString(name);
    }

    public string Name { get; }

    /// <summary><c>Host=127.0.0.1;Port=…;Username=postgres;Database=…</c>: what DRILLBOT_DB would hold.</summary>
    public string ConnectionString { get; }

    public async ValueTask DisposeAsync() => await server.DropDatabaseAsync(Name);
}

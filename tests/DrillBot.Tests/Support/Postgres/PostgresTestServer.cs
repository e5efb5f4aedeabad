namespace DrillBot.Tests.Support.Postgres;

/// <summary>
/// The one throwaway PostgreSQL server of this test run, started on first use and shared by every
/// fixture; <see cref="PostgresTestRun"/> stops it when the run ends (and a process-exit hook does if
/// that never happens). Without the binaries, tests that ask for it are ignored with the path that
/// was searched — or fail, when <c>DRILLBOT_REQUIRE_POSTGRES=1</c> (CI).
/// </summary>
public static class PostgresTestServer
{
    public const string RequireVariable = "DRILLBOT_REQUIRE_POSTGRES";

    private static readonly Lazy<Task<PostgresServer>> Server = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True when CI demands the PostgreSQL tests run.</summary>
    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>Creates an empty database on the shared server and returns its connection string; ignores or fails the test when there is no server.</summary>
    public static async Task<PostgresTestDatabase> CreateDatabaseAsync(string purpose)
    {
        var server = await GetServerAsync();
        var slug = new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(20).ToArray());
        var name = $"{(slug.Length == 0 ? "db" : slug)}_{Guid.NewGuid():N}";
        await server.CreateDatabaseAsync(name);
        return new PostgresTestDatabase(server, name);
    }

    internal static async Task<PostgresServer> GetServerAsync()
    {
        var availability = PostgresAvailability.Decide(PostgresBinaries.Locate(), Required);
        if (availability.Problem is { } problem)
        {
            if (availability.MustFail)
            {
                Assert.Fail(problem);
            }

            Assert.Ignore(problem);
        }

        return await Server.Value;
    }

    internal static async Task StopAsync()
    {
        if (Server.IsValueCreated && Server.Value.IsCompletedSuccessfully)
        {
            await Server.Value.Result.DisposeAsync();
        }
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var binaries = PostgresBinaries.Locate();
        await StaleServers.CleanUpAsync(binaries, PostgresServer.RunAs);
        var server = await PostgresServer.StartAsync(binaries);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }
}

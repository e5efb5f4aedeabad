using DrillBot.Tests.Support.Postgres;

// The run-wide set-up fixture sits in the root test namespace so that it covers every fixture of
// the assembly: it stops the shared PostgreSQL server once all tests are done.
namespace DrillBot.Tests;

[SetUpFixture]
public sealed class PostgresTestRun
{
    [OneTimeTearDown]
    public async Task StopPostgresAsync() => await PostgresTestServer.StopAsync();
}

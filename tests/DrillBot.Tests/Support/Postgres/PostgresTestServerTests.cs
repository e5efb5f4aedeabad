using System.Diagnostics;
using Npgsql;

namespace DrillBot.Tests.Support.Postgres;

public sealed class PostgresTestServerTests
{
    [Test]
    public void Decide_NoBinaries_SkippedNamingTheSearchedPath()
    {
        var availability = PostgresAvailability.Decide(new PostgresBinaries("/nowhere/postgresql/bin"), required: false);

        Assert.That(availability.MustFail, Is.False);
        Assert.That(availability.Problem, Does.StartWith("Skipped:").And.Contain("/nowhere/postgresql/bin").And.Contain("DRILLBOT_PG_BIN"));
    }

    [Test]
    public void Decide_NoBinariesButRequired_FailsNamingTheVariable()
    {
        var availability = PostgresAvailability.Decide(new PostgresBinaries("/nowhere/postgresql/bin"), required: true);

        Assert.That(availability.MustFail, Is.True);
        Assert.That(availability.Problem, Does.Contain("/nowhere/postgresql/bin").And.Contain("DRILLBOT_REQUIRE_POSTGRES=1"));
    }

    [Test]
    public void Decide_BinariesPresent_NoProblem()
    {
        var directory = Directory.CreateTempSubdirectory("drillbot-pgbin-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "initdb"), string.Empty);
            File.WriteAllText(Path.Combine(directory, "pg_ctl"), string.Empty);

            Assert.That(PostgresAvailability.Decide(new PostgresBinaries(directory), required: true), Is.EqualTo(new PostgresAvailability(null, false)));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public async Task CleanUp_ServerLeftByACrashedTestRun_IsStoppedAndRemovedWhileLiveOnesStay()
    {
        var shared = await PostgresTestServer.GetServerAsync();
        var binaries = PostgresBinaries.Locate();
        var deadTestProcess = await DeadProcessIdAsync();
        var orphan = await PostgresServer.StartAsync(binaries, deadTestProcess);
        var orphanConnection = orphan.ConnectionString("postgres") + ";Pooling=false;Timeout=3";
        await using (var connection = new NpgsqlConnection(orphanConnection))
        {
            await connection.OpenAsync();
        }

        await StaleServers.CleanUpAsync(binaries, PostgresServer.RunAs);

        Assert.That(Directory.Exists(orphan.Directory), Is.False, "the orphan's directory is gone");
        Assert.ThrowsAsync(Is.InstanceOf<NpgsqlException>(), async () =>
        {
            await using var connection = new NpgsqlConnection(orphanConnection);
            await connection.OpenAsync();
        });
        Assert.That(Directory.Exists(shared.Directory), Is.True, "the live run's server is left alone");
    }

    private static async Task<int> DeadProcessIdAsync()
    {
        using var process = Process.Start("true")!;
        await process.WaitForExitAsync();
        return process.Id;
    }
}

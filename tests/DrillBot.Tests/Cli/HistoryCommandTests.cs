using DrillBot.Cli;
using DrillBot.Store;
using DrillBot.Tests.Service.Support;
using DrillBot.Tests.Support;
using Spectre.Console;

namespace DrillBot.Tests.Cli;

/// <summary>Run history on SQLite and PostgreSQL: written by serve, read by <c>drillbot history</c> and <c>GET /api/runs</c> alike.</summary>
[TestFixture(StoreEngine.Sqlite)]
[TestFixture(StoreEngine.Postgres)]
[NonParallelizable]
public sealed class HistoryCommandTests(StoreEngine engine)
{
    [Test]
    public async Task History_AfterRunsThroughServe_TableMatchesTheApi()
    {
        await using var database = await TestDatabase.CreateAsync(engine, "history");
        string apiRuns;
        string runId;
        await using (var service = await ServiceHarness.StartAsync(new ServiceHarness.Options { Store = database.Location }))
        {
            runId = await service.StartAsync("reviews-distribution");
            await service.WaitForReportAsync(runId);
            apiRuns = (await service.SendAsync(HttpMethod.Get, "/api/runs")).Body.ToJsonString();
        }

        var (code, output, error) = await RunHistoryAsync(database.Location.ConnectionString);
        var (otherCode, other, _) = await RunHistoryAsync(database.Location.ConnectionString, "reviews-failover");

        Assert.That(code, Is.EqualTo(ExitCodes.Passed), error);
        Assert.That(apiRuns, Does.Contain(runId).And.Contain("\"verdict\":\"passed\""));
        Assert.That(output, Does.Contain(runId).And.Contain("reviews-distribution").And.Contain("passed").And.Contain("api"));
        Assert.That(otherCode, Is.EqualTo(ExitCodes.Passed));
        Assert.That(other, Does.Contain("no runs of reviews-failover yet"));
    }

    internal static async Task<(int Code, string Out, string Error)> RunHistoryAsync(string? database, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });
        console.Profile.Width = 300;
        var cli = new CliEnvironment { Out = console, Error = error, Variables = n => n == StoreLocation.VariableName ? database : null, WorkingDirectory = Path.GetTempPath() };
        using (CliEnvironment.Use(cli))
        {
            var code = await CliApp.BuildRoot().Parse(["history", .. args, "--limit", "50"]).InvokeAsync();
            return (code, output.ToString(), error.ToString());
        }
    }
}

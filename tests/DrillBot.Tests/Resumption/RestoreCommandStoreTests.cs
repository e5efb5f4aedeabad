using DrillBot.Cli;
using DrillBot.Lab;
using DrillBot.Store;
using DrillBot.Store.Runs;
using DrillBot.Tests.Service.Support;
using Spectre.Console;

namespace DrillBot.Tests.Resumption;

/// <summary><c>drillbot restore</c> with DRILLBOT_DB: the service's journal too — a live run is left alone, a dead one restored and recorded.</summary>
[NonParallelizable]
public sealed class RestoreCommandStoreTests
{
    [Test]
    public async Task Restore_DeadServiceRunInTheStore_LeftAloneWhileItsLeaseLivesThenRestoredAndRecorded()
    {
        await using var lab = await LabHost.StartAsync(ServiceHarness.FastLab());
        var directory = Directory.CreateTempSubdirectory("drillbot-restore-store-").FullName;
        var drills = Path.Combine(directory, "drills.yaml");
        await File.WriteAllTextAsync(drills, TestDrills.Yaml());
        var location = StoreLocation.Parse(Path.Combine(directory, "drillbot.db"));
        var before = LabState.Snapshot(lab);
        await using var dead = await DeadRun.StartAsync(lab, drills, location, "slow-failover", "gone-instance");
        var env = new Dictionary<string, string> { ["KUBECONFIG"] = lab.KubeconfigPath, ["PRODUCTPAGE_URL"] = lab.ProductpageUrl.ToString(), [StoreLocation.VariableName] = location.ConnectionString };

        var (firstCode, first) = await RestoreAsync(directory, env);
        var (code, output) = await Eventually.WaitAsync(
            async () => await RestoreAsync(directory, env) is var r && r.Output.Contains("service journal): restore", StringComparison.Ordinal) ? r : null,
            "drillbot restore to find the lease expired");
        await using var store = await StoreFactory.OpenAsync(location, TimeProvider.System, null, CancellationToken.None);
        var record = (await store.Runs.GetAsync(dead.RunId, CancellationToken.None))!;

        Assert.That(firstCode, Is.EqualTo(ExitCodes.Passed));
        Assert.That(first, Does.Contain($"run {dead.RunId} (service journal) is still running on a live instance: left alone"));
        Assert.That(code, Is.EqualTo(ExitCodes.Passed), output);
        Assert.That(output, Does.Contain($"run {dead.RunId} (slow-failover").And.Contain("service journal): restore verified"));
        Assert.That(LabState.Snapshot(lab), Is.EqualTo(before));
        Assert.That(record.Run.Status, Is.EqualTo(RunStatus.RestoredAfterInterruption));
        Assert.That(record.ReportJson, Does.Contain("restored after an interrupted run by drillbot restore"));
        Assert.That(await store.Journal.GetUnfinishedRunsAsync(CancellationToken.None), Is.Empty);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private static async Task<CliResult> RestoreAsync(string directory, Dictionary<string, string> env)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });
        console.Profile.Width = 300;
        var cli = new CliEnvironment { Out = console, Error = output, Variables = n => env.GetValueOrDefault(n), WorkingDirectory = directory };
        using (CliEnvironment.Use(cli))
        {
            var code = await CliApp.BuildRoot().Parse(["restore", "--config", "drills.yaml"]).InvokeAsync();
            return new CliResult(code, output.ToString());
        }
    }

    private sealed record CliResult(int Code, string Output);
}

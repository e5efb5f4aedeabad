using System.Text.Json.Nodes;
using DrillBot.Cli;

namespace DrillBot.Tests.Cli;

[NonParallelizable]
public sealed class CliDemoAndCancelTests
{
    [Test]
    public async Task Demo_BundledDrillOnInProcessLab_Exit0PassedAndVerified()
    {
        await using var cli = await CliHarness.StartAsync(withLab: false);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var code = await cli.RunAsync("demo", "--report-json", "demo.json");

        TestContext.Out.WriteLine($"demo took {clock.Elapsed.TotalSeconds:0.0}s");
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromMinutes(1)), "the demo stays under a minute (issue 14)");
        Assert.That(code, Is.EqualTo(ExitCodes.Passed), cli.Out + cli.Error);
        var json = JsonNode.Parse(await File.ReadAllTextAsync(cli.Path2("demo.json")))!;
        Assert.That(json["drill"]!.GetValue<string>(), Is.EqualTo("reviews-failover"));
        Assert.That(json["verdict"]!.GetValue<string>(), Is.EqualTo("passed"));
        Assert.That(json["recovery"]!["servedBy"]!.GetValue<string>(), Is.EqualTo("cn-shanghai"));
        Assert.That(json["restore"]!["status"]!.GetValue<string>(), Is.EqualTo("verified"));
        Assert.That(cli.Out, Does.Contain("demo timings: steadyState 2s (drills.yaml: 3s)").And.Contain("PASSED"));
    }

    [Test]
    public void Demo_InsideTheBundledBlackouts_NotRefused()
    {
        var bundled = DrillBot.Drills.Definitions.DrillsLoader.Parse(BundledDrills.Read(), BundledDrills.Name, DrillBot.Scheduling.QuartzCronParser.Instance, _ => "http://127.0.0.1:9/").Config!;
        var mondayEveningShanghai = new DateTimeOffset(2026, 1, 5, 13, 0, 0, TimeSpan.Zero);
        var saturday = new DateTimeOffset(2026, 1, 10, 3, 0, 0, TimeSpan.Zero);

        Assert.That(DrillBot.Drills.Scheduling.BlackoutCalendar.ActiveAt(bundled.Blackouts, mondayEveningShanghai)?.Name, Is.EqualTo("release-freeze-evenings"), "the bundled file is inside a blackout then");
        Assert.That(DrillBot.Drills.Scheduling.BlackoutCalendar.ActiveAt(bundled.Blackouts, saturday)?.Name, Is.EqualTo("weekend"));
        Assert.That(DrillBot.Drills.Scheduling.BlackoutCalendar.ActiveAt(DemoCommand.ForLab(bundled).Blackouts, mondayEveningShanghai), Is.Null, "demo is not refused");
        Assert.That(DrillBot.Drills.Scheduling.BlackoutCalendar.ActiveAt(DemoCommand.ForLab(bundled).Blackouts, saturday), Is.Null);
    }

    [Test]
    public async Task Run_CancelledMidDrill_AbortsRestoresExit1()
    {
        await using var cli = await CliHarness.StartAsync();
        var before = cli.Snapshot();
        await File.WriteAllTextAsync(cli.Path2("long.yaml"), CliHarness.FastDrills().Replace("observeFor: 3s", "observeFor: 30s", StringComparison.Ordinal));
        using var ctrlC = new CancellationTokenSource();

        var run = cli.RunWithTokenAsync(ct => RunCommand.RunAsync("reviews-failover", "long.yaml", new ReportPaths(null, null, null), false, ct), ctrlC.Token);
        for (var i = 0; i < 1000 && !cli.Out.Contains("phase observe", StringComparison.Ordinal); i++)
        {
            await Task.Delay(20);
        }

        await ctrlC.CancelAsync();
        var code = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(code, Is.EqualTo(ExitCodes.Failed), cli.Out);
        Assert.That(cli.Out, Does.Contain("ABORTED").And.Contain("aborted: Ctrl-C/SIGTERM").And.Contain("phase restore"));
        Assert.That(cli.Snapshot(), Is.EqualTo(before));
    }
}

using System.Text.Json.Nodes;
using System.Xml.Linq;
using DrillBot.Cli;

namespace DrillBot.Tests.Cli;

[NonParallelizable]
public sealed class CliExitCodeTests
{
    [Test]
    public async Task Validate_ValidFile_Exit0()
    {
        await using var cli = await CliHarness.StartAsync(withLab: false);

        var code = await cli.RunAsync("validate");

        Assert.That(code, Is.EqualTo(ExitCodes.Passed), cli.Error);
        Assert.That(cli.Out, Does.Contain("drills.yaml: valid (3 drills"));
    }

    [Test]
    public async Task Validate_Problems_Exit2WithEveryProblemOnItsOwnLine()
    {
        await using var cli = await CliHarness.StartAsync(withLab: false);
        var broken = CliHarness.FastDrills().Replace("interval: 25ms", "interval: soon", StringComparison.Ordinal).Replace("cluster: hangzhou", "cluster: beijing", StringComparison.Ordinal);
        await File.WriteAllTextAsync(cli.Path2("bad.yaml"), broken);

        var code = await cli.RunAsync("validate", "--config", "bad.yaml");

        Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
        var lines = cli.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(6), cli.Error);
        Assert.That(lines, Has.All.Match(@"^bad\.yaml:\d+:\d+: "));
        Assert.That(cli.Error, Does.Not.Contain("   at "), "no stack traces");
    }

    [Test]
    public async Task Parse_UnknownOption_Exit2()
    {
        await using var cli = await CliHarness.StartAsync(withLab: false);

        Assert.That(await cli.RunAsync("run", "reviews-failover", "--bogus"), Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(cli.Error.Trim(), Is.EqualTo("error: Unrecognized command or argument '--bogus'."), "one line naming the argument, on the command's error stream");
    }

    [Test]
    public async Task Run_UnknownDrill_Exit2NamingTheDrills()
    {
        await using var cli = await CliHarness.StartAsync(withLab: false);

        var code = await cli.RunAsync("run", "nope");

        Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(cli.Error.Trim(), Is.EqualTo("error: unknown drill 'nope' in drills.yaml (drills: reviews-failover, reviews-distribution, reviews-region-outage)"));
    }

    [Test]
    public async Task Run_MissingConfig_Exit2()
    {
        await using var cli = await CliHarness.StartAsync(withLab: false);

        Assert.That(await cli.RunAsync("list", "--config", "missing.yaml"), Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(cli.Error, Does.Contain("missing.yaml: no such file"));
    }

    [Test]
    public async Task Run_PassingDrillOnLab_Exit0AndWritesReports()
    {
        await using var cli = await CliHarness.StartAsync();
        var before = cli.Snapshot();

        var code = await cli.RunAsync("run", "reviews-failover", "--report-json", "out/r.json", "--junit", "out/r.xml", "--html", "out/r.html");

        Assert.That(code, Is.EqualTo(ExitCodes.Passed), cli.Out + cli.Error);
        var json = JsonNode.Parse(await File.ReadAllTextAsync(cli.Path2("out/r.json")))!;
        Assert.That(json["verdict"]!.GetValue<string>(), Is.EqualTo("passed"));
        Assert.That(json["restore"]!["status"]!.GetValue<string>(), Is.EqualTo("verified"));
        Assert.That(XDocument.Load(cli.Path2("out/r.xml")).Descendants("testcase").Count(), Is.EqualTo(json["checks"]!.AsArray().Count + 1));
        Assert.That(await File.ReadAllTextAsync(cli.Path2("out/r.html")), Does.Contain("<svg"));
        Assert.That(cli.Out, Does.Contain("phase observe").And.Contain("PASSED"));
        Assert.That(cli.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task Run_StepForbidden_Exit3ErroredAndRestored()
    {
        await using var cli = await CliHarness.StartAsync();
        var before = cli.Snapshot();
        cli.Lab!.Control.Forbid("asm", "patch", "DestinationRule", "reviews");

        var code = await cli.RunAsync("run", "reviews-failover");

        Assert.That(code, Is.EqualTo(ExitCodes.Errored), cli.Out);
        Assert.That(cli.Out, Does.Contain("ERRORED").And.Contain("403"));
        Assert.That(cli.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task Run_RestoreCannotComplete_Exit4AndReportSaysWhatIsLeft()
    {
        await using var cli = await CliHarness.StartAsync();
        cli.Lab!.Control.Forbid("asm", "delete", "EnvoyFilter", "drillbot-fail-reviews-v1");

        var code = await cli.RunAsync("run", "reviews-region-outage", "--report-json", "r.json");

        Assert.That(code, Is.EqualTo(ExitCodes.RestoreFailed), cli.Out);
        var json = JsonNode.Parse(await File.ReadAllTextAsync(cli.Path2("r.json")))!;
        Assert.That(json["restore"]!["status"]!.GetValue<string>(), Is.EqualTo("failed"));
        var left = json["restore"]!["objects"]!.AsArray().Single(o => !o!["ok"]!.GetValue<bool>())!;
        Assert.That(left["kind"]!.GetValue<string>(), Is.EqualTo("EnvoyFilter"));
        Assert.That(json["reasons"]!.AsArray().Select(r => r!.GetValue<string>()), Has.Some.StartsWith("RESTORE FAILED for mesh:EnvoyFilter/default/drillbot-fail-reviews-v1"));

        cli.Lab.Control.ClearFaults();
        Assert.That(await cli.RunAsync("restore"), Is.EqualTo(ExitCodes.Passed), cli.Out + cli.Error);
        Assert.That(cli.State("asm", "EnvoyFilter", "drillbot-fail-reviews-v1"), Is.Null, "`drillbot restore` finished the job");
    }

    [Test]
    public async Task Run_NoCapacityInFailoverRegion_Exit1()
    {
        await using var cli = await CliHarness.StartAsync();
        var before = cli.Snapshot();
        cli.Lab!.Control.SetRegionFailing("cn-shanghai", true);

        var code = await cli.RunAsync("run", "reviews-failover");

        Assert.That(code, Is.EqualTo(ExitCodes.Failed), cli.Out);
        Assert.That(cli.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task Run_DryRun_PrintsPlanChangesNothingExit0()
    {
        await using var cli = await CliHarness.StartAsync();
        var before = cli.Snapshot();

        var code = await cli.RunAsync("run", "reviews-failover", "--dry-run");

        Assert.That(code, Is.EqualTo(ExitCodes.Passed), cli.Out + cli.Error);
        Assert.That(cli.Out, Does.Contain("dry run").And.Contain("scale Deployment default/reviews-v1 to 0").And.Contain("spec.replicas: 1 → 0"));
        Assert.That(cli.Snapshot(), Is.EqualTo(before));
        Assert.That(cli.Lab!.Events.Where(e => e.Kind is "scale-applied" or "policy-changed"), Is.Empty);
    }

    [Test]
    public async Task List_ShowsSchedulesAndNextFireTimes()
    {
        await using var cli = await CliHarness.StartAsync(withLab: false);

        var code = await cli.RunAsync("list");

        Assert.That(code, Is.EqualTo(ExitCodes.Passed));
        Assert.That(cli.Out, Does.Contain("reviews-failover").And.Contain("0 0 3 ? * TUE").And.Contain("Tue "));
    }

    [Test]
    public async Task List_NoDrillsFileHere_UsesTheBundledOneAndSaysSo()
    {
        await using var cli = await CliHarness.StartAsync(withLab: false);
        File.Delete(cli.Path2("drills.yaml"));

        var code = await cli.RunAsync("list");

        Assert.That(code, Is.EqualTo(ExitCodes.Passed), cli.Error);
        Assert.That(cli.Out, Does.Contain("using the drills bundled with drillbot").And.Contain("0 0 4 ? * TUE"));
    }

    [Test]
    public async Task Restore_NothingLeft_Exit0()
    {
        await using var cli = await CliHarness.StartAsync();

        Assert.That(await cli.RunAsync("restore"), Is.EqualTo(ExitCodes.Passed), cli.Error);
        Assert.That(cli.Out, Does.Contain("nothing to restore"));
    }
}

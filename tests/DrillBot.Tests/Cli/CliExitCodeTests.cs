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
        Assert.That(cli.Out, Does.Contain("drills.yaml: valid (4 drills"));
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
        Assert.That(lines, Has.Length.EqualTo(9), cli.Error + "(each of the 4 drills: a bad interval and an unknown cluster in a precondition or step; reviews-failover has both)");
        Assert.That(lines, Has.All.Match(@"^bad\.yaml:\d+:\d+: "));
        Assert.That(cli.Error, Does.Not.Contain("   at "), "no stack traces");
    }

    [TestCase("    timeout: 5m", "\t  timeout: 5m", "tab in indentation; YAML needs spaces")]
    [TestCase("    timeout: 5m", "    timeout: 5m\n    timeout: 6m", "duplicate key 'timeout' (first at ")]
    [TestCase("{ duration: 500ms, minOkRatio: 1.0 }", "{ duration: 500ms, minOkRatio: 1.0, minOkRatio: 0.5 }", "duplicate key 'minOkRatio' (first at ")]
    [TestCase("  - name: reviews-distribution", "  - name: reviews-failover", "duplicate drill name 'reviews-failover' (first at ")]
    public async Task Validate_TabOrDuplicate_Exit2OneLocatedLine(string line, string replacement, string message)
    {
        await using var cli = await CliHarness.StartAsync(withLab: false);
        var yaml = CliHarness.FastDrills();
        var at = yaml.IndexOf(line, StringComparison.Ordinal);
        await File.WriteAllTextAsync(cli.Path2("bad.yaml"), string.Concat(yaml.AsSpan(0, at), replacement, yaml.AsSpan(at + line.Length)));

        var code = await cli.RunAsync("validate", "--config", "bad.yaml");

        Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
        var lines = cli.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), cli.Error);
        Assert.That(lines[0], Does.Match(@"^bad\.yaml:\d+:\d+: ").And.Contain(message));
        Assert.That(lines[0], Does.Not.Contain(":1:1:"), "located at the tab or the second key, not the document start");
    }

    [TestCase("validate", ExitCodes.Passed, true)]
    [TestCase("validate --strict", ExitCodes.InvalidInput, false)]
    [TestCase("list", ExitCodes.InvalidInput, false)]
    [TestCase("run reviews-failover", ExitCodes.InvalidInput, false)]
    public async Task UndefinedVariable_WarningInValidateErrorElsewhere(string command, int exit, bool warning)
    {
        await using var cli = await CliHarness.StartAsync(withLab: false);
        var yaml = CliHarness.FastDrills().Replace("${PRODUCTPAGE_URL}", "${NOT_SET_URL}", StringComparison.Ordinal);
        await File.WriteAllTextAsync(cli.Path2("d.yaml"), yaml);
        var line = yaml.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains("NOT_SET_URL", StringComparison.Ordinal)).i + 1;

        var code = await cli.RunAsync([.. command.Split(' '), "--config", "d.yaml"]);

        Assert.That(code, Is.EqualTo(exit), cli.Out + cli.Error);
        var lines = cli.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(4), "one line per drill using the variable");
        Assert.That(lines[0], Is.EqualTo($"d.yaml:{line}:12: {(warning ? "warning: " : string.Empty)}drills[0].probe.url: undefined environment variable NOT_SET_URL (set it, or write ${{NOT_SET_URL:-default}})"));
        Assert.That(cli.Out, warning ? Does.Contain("d.yaml: valid (4 drills") : Does.Not.Contain("valid"));
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
        Assert.That(cli.Error.Trim(), Is.EqualTo("error: unknown drill 'nope' in drills.yaml (drills: reviews-failover, reviews-distribution, reviews-region-outage, reviews-failover-runbook-order)"));
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

        var code = await cli.RunAsync("run", "reviews-failover", "--report-json", "out/r.json", "--junit", "out/r.xml", "--html", "out/r.html", "--samples-file", "out/s.csv");

        Assert.That(code, Is.EqualTo(ExitCodes.Passed), cli.Out + cli.Error);
        var json = JsonNode.Parse(await File.ReadAllTextAsync(cli.Path2("out/r.json")))!;
        var csv = await File.ReadAllLinesAsync(cli.Path2("out/s.csv"));
        Assert.That(csv, Has.Length.EqualTo(json["probes"]!["total"]!.GetValue<int>() + 1), "--samples-file: a header and one line per sample");
        Assert.That(json["timeline"]!["samplesFile"]!.GetValue<string>(), Is.EqualTo(cli.Path2("out/s.csv")), "the report names the samples file");
        Assert.That(json["verdict"]!.GetValue<string>(), Is.EqualTo("passed"));
        Assert.That(json["restore"]!["status"]!.GetValue<string>(), Is.EqualTo("verified"));
        Assert.That(XDocument.Load(cli.Path2("out/r.xml")).Descendants("testcase").Count(), Is.EqualTo(json["checks"]!.AsArray().Count + 1));
        Assert.That(await File.ReadAllTextAsync(cli.Path2("out/r.html")), Does.Contain("<svg"));
        Assert.That(cli.Out, Does.Contain("phase observe").And.Contain("PASSED"));
        Assert.That(cli.Snapshot(), Is.EqualTo(before));
    }

    [TestCase("")]
    [TestCase("   ")]
    public async Task Run_OverrideBlackoutWithoutReason_Exit2(string reason)
    {
        await using var cli = await CliHarness.StartAsync(withLab: false);

        var code = await cli.RunAsync("run", "reviews-failover", "--override-blackout", reason);

        Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(cli.Error.Trim(), Does.StartWith("error: --override-blackout needs a reason").And.Not.Contain("\n"));
    }

    [Test]
    public async Task Run_InsideBlackout_Exit1NamingTheFlagThenOverrideRunsAndRecordsIt()
    {
        await using var cli = await CliHarness.StartAsync();
        var yaml = CliHarness.FastDrills().Replace("blackouts:", "blackouts:\n  - { name: always, cron: \"* * * ? * *\" }", StringComparison.Ordinal);
        await File.WriteAllTextAsync(cli.Path2("drills.yaml"), yaml);
        var before = cli.Snapshot();

        var refused = await cli.RunAsync("run", "reviews-failover");

        Assert.That(refused, Is.EqualTo(ExitCodes.Failed), cli.Out + cli.Error);
        Assert.That(cli.Out, Does.Contain("refused: blackout always with no end; to run anyway: --override-blackout \"why\""));
        Assert.That(cli.Snapshot(), Is.EqualTo(before), "nothing changed");

        var code = await cli.RunAsync("run", "reviews-failover", "--override-blackout", "verify the hotfix", "--report-json", "r.json");

        Assert.That(code, Is.EqualTo(ExitCodes.Passed), cli.Out + cli.Error);
        var o = JsonNode.Parse(await File.ReadAllTextAsync(cli.Path2("r.json")))!["trigger"]!["overrideBlackout"]!;
        Assert.That((o["blackout"]!.GetValue<string>(), o["reason"]!.GetValue<string>()), Is.EqualTo(("always", "verify the hotfix")));
        Assert.That(o["by"]!.GetValue<string>(), Is.EqualTo($"{Environment.UserName}@{Environment.MachineName}"));
    }

    [Test]
    public async Task Run_StepForbidden_Exit3ErroredAndRestored()
    {
        await using var cli = await CliHarness.StartAsync();
        var before = cli.Snapshot();
        // RBAC allows it (the permission preflight passes); a webhook that ignores dry runs refuses the real patch mid-run
        cli.Lab!.Control.Deny("asm", "patch", "DestinationRule", "reviews", "failover changes need a change ticket", onDryRun: false);

        var code = await cli.RunAsync("run", "reviews-failover");

        Assert.That(code, Is.EqualTo(ExitCodes.Errored), cli.Out);
        Assert.That(cli.Out, Does.Contain("ERRORED").And.Contain("403 Forbidden").And.Contain("admission webhook")); // the console wraps the rest of the line
        Assert.That(cli.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task Run_RestoreCannotComplete_Exit4AndReportSaysWhatIsLeft()
    {
        await using var cli = await CliHarness.StartAsync();
        // RBAC allows the delete (the permission preflight passes); an admission webhook refuses it at restore time
        cli.Lab!.Control.Deny("asm", "delete", "EnvoyFilter", "drillbot-fail-reviews-v1", "EnvoyFilters are frozen");

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

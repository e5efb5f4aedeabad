using System.Text.Json.Nodes;
using System.Xml.Linq;
using DrillBot.Cli;

namespace DrillBot.Tests.Cli;

/// <summary>
/// <c>drillbot run</c> of a drill whose share check cannot be decided exits 5 (docs/contracts.md, exit codes): reviews-failover
/// on the Lab with its share bound at 0.99, where its ~100 samples after recovery leave the 95 % Wilson interval
/// straddling 0.99 whatever the Lab serves (all cn-shanghai, or a miss or two). The same drill at 0.95 passes with exit 0
/// (<see cref="CliExitCodeTests.Run_PassingDrillOnLab_Exit0AndWritesReports"/>).
/// </summary>
[NonParallelizable]
public sealed class CliInconclusiveTests
{
    [Test]
    public async Task Run_ShareTooFewSamplesToDecide_Exit5InconclusiveAndRestored()
    {
        await using var cli = await CliHarness.StartAsync();
        const string Bound = "share: { cn-shanghai: { atLeast: 0.95 } }";
        var yaml = CliHarness.FastDrills();
        Assert.That(yaml, Does.Contain(Bound), "the bundled drill's share bound, to be raised");
        await File.WriteAllTextAsync(cli.Path2("drills.yaml"), yaml.Replace(Bound, "share: { cn-shanghai: { atLeast: 0.99 } }", StringComparison.Ordinal));
        var before = cli.Snapshot();

        var code = await cli.RunAsync("run", "reviews-failover", "--report-json", "r.json", "--junit", "r.xml");

        Assert.That(code, Is.EqualTo(ExitCodes.Inconclusive).And.EqualTo(5), cli.Out + cli.Error);
        var json = JsonNode.Parse(await File.ReadAllTextAsync(cli.Path2("r.json")))!;
        var share = json["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "share.cn-shanghai")!;
        Assert.That(json["verdict"]!.GetValue<string>(), Is.EqualTo("inconclusive"));
        Assert.That(share["passed"]!.GetValue<bool>(), Is.False);
        Assert.That(share["interval"]!["low"]!.GetValue<double>(), Is.LessThan(0.99), share.ToJsonString());
        Assert.That(share["interval"]!["high"]!.GetValue<double>(), Is.GreaterThanOrEqualTo(0.99), share.ToJsonString());
        Assert.That(json["checks"]!.AsArray().Where(c => c != share).Select(c => c!["passed"]!.GetValue<bool>()), Has.All.True, "nothing failed: only undecided");
        Assert.That(XDocument.Load(cli.Path2("r.xml")).Descendants("skipped").Count(), Is.EqualTo(1), "JUnit: the undecided check skipped, not passed");
        Assert.That(cli.Out, Does.Contain("INCONCLUSIVE"));
        Assert.That(json["restore"]!["status"]!.GetValue<string>(), Is.EqualTo("verified"));
        Assert.That(cli.Snapshot(), Is.EqualTo(before));
    }
}

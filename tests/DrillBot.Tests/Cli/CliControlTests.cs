using System.Text.Json.Nodes;
using DrillBot.Cli;

namespace DrillBot.Tests.Cli;

/// <summary><c>drillbot run NAME --control</c>: the fault without the remediation first, then the real drill.</summary>
[NonParallelizable]
public sealed class CliControlTests
{
    [Test]
    public async Task Run_WithControl_ControlRecoversByItself_Exit1AndTheFindingPrinted()
    {
        await using var cli = await CliHarness.StartAsync();
        // recovery within 2s + stableFor 500ms: --control watches the control for 2.5s
        await File.WriteAllTextAsync(cli.Path2("drills.yaml"), CliHarness.FastDrills().Replace("within: 30s", "within: 2s", StringComparison.Ordinal));
        var before = cli.Snapshot();

        var code = await cli.RunAsync("run", "reviews-region-outage", "--control", "--report-json", "r.json");

        Assert.That(code, Is.EqualTo(ExitCodes.Failed), cli.Out + cli.Error);
        var flat = System.Text.RegularExpressions.Regex.Replace(cli.Out, @"\s+", " "); // the terminal wraps long lines
        Assert.That(flat, Does.Contain("control step 4: create EnvoyFilter"), "the control's fault step is shown as the control's");
        Assert.That(flat, Does.Contain("control (2.5s without 1: enableFailover, 2: enableFailover, ended by "));
        Assert.That(flat, Does.Contain("remediation necessary: no, sufficient: yes"));
        Assert.That(flat, Does.Contain("the fault recovers without failover: this drill does not prove failover"));
        var report = JsonNode.Parse(await File.ReadAllTextAsync(cli.Path2("r.json")))!;
        Assert.That(report["control"]!["necessary"]!.GetValue<bool>(), Is.False);
        Assert.That(report["proves"]!.AsArray().Single(p => p!["claim"]!.GetValue<string>() == "remediation-necessary")!["proved"]!.GetValue<bool>(), Is.False);
        Assert.That(cli.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task Run_WithControlOnADrillWithNothingToLeaveOut_Exit2OneLine()
    {
        await using var cli = await CliHarness.StartAsync(withLab: false);
        var yaml = CliHarness.FastDrills();
        var start = yaml.IndexOf("  - name: reviews-failover-runbook-order", StringComparison.Ordinal);
        var onlyFault = yaml[..start] + yaml[start..].Replace("""
                  - enableFailover:
                      cluster: mesh
                      destinationRule: reviews
                      failover:
                        - { from: cn-hangzhou, to: cn-shanghai }
                        - { from: cn-shanghai, to: cn-hangzhou }
                      outlierDetection: { consecutive5xxErrors: 1, interval: 1s, baseEjectionTime: 1m, maxEjectionPercent: 100 }
                      maxRequestsPerConnection: 1

            """, string.Empty, StringComparison.Ordinal);
        Assert.That(onlyFault, Is.Not.EqualTo(yaml), "the runbook-order drill's enableFailover step was removed");
        await File.WriteAllTextAsync(cli.Path2("drills.yaml"), onlyFault);

        var code = await cli.RunAsync("run", "reviews-failover-runbook-order", "--control");

        Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput), cli.Out + cli.Error);
        Assert.That(cli.Error.Trim(), Is.EqualTo("error: --control: drill 'reviews-failover-runbook-order' cannot have a control run: every step is the fault or a wait, so the control would be the drill itself; a control leaves out the remediation (the steps that are neither the fault nor a wait)"));
    }
}

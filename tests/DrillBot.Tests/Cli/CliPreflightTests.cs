using System.Text.Json.Nodes;
using DrillBot.Cli;

namespace DrillBot.Tests.Cli;

[NonParallelizable]
public sealed class CliPreflightTests
{
    [Test]
    public async Task Run_FailoverConfigCannotWork_Exit2OneLineReasonNothingChanged()
    {
        await using var cli = await CliHarness.StartAsync();
        var before = cli.Snapshot();
        var yaml = CliHarness.FastDrills();
        var strict = "outlierDetection: { consecutive5xxErrors: 1, interval: 1s, baseEjectionTime: 1m, maxEjectionPercent: 100 }";
        Assert.That(yaml, Does.Contain(strict));
        await File.WriteAllTextAsync(cli.Path2("ten.yaml"), yaml.Replace(strict, strict.Replace("100 }", "10 }", StringComparison.Ordinal), StringComparison.Ordinal));

        var code = await cli.RunAsync("run", "reviews-region-outage", "--config", "ten.yaml", "--report-json", "r.json");

        Assert.That(code, Is.EqualTo(ExitCodes.InvalidInput), cli.Out);
        var json = JsonNode.Parse(await File.ReadAllTextAsync(cli.Path2("r.json")))!;
        Assert.That(json["verdict"]!.GetValue<string>(), Is.EqualTo("aborted"));
        Assert.That(json["reasons"]!.AsArray().Select(r => r!.GetValue<string>()).Single(), Does.StartWith("preflight: maxEjectionPercent 10 % cannot eject the 1 failing of 2 reviews endpoints"));
        Assert.That(cli.Snapshot(), Is.EqualTo(before));
    }
}

using System.Text.RegularExpressions;
using DrillBot.Cli;

namespace DrillBot.Tests.Cli;

/// <summary><c>drillbot list</c> shows a schedule's own fire times; one inside a blackout is marked (it fires, is refused and counted).</summary>
public sealed class ListBlackoutTests
{
    [TestCase("* * * ? * *", true)]
    [TestCase("* * * 1 1 ? 2099", false)]
    public async Task List_FireTimesInsideABlackout_MarkedSkipped(string cron, bool inside)
    {
        await using var cli = await CliHarness.StartAsync(withLab: false);
        var yaml = CliHarness.FastDrills().Replace("blackouts:", $"blackouts:\n  - {{ name: quiet, cron: \"{cron}\" }}", StringComparison.Ordinal);
        await File.WriteAllTextAsync(cli.Path2("drills.yaml"), yaml);

        var code = await cli.RunAsync("list");

        Assert.That(code, Is.EqualTo(ExitCodes.Passed), cli.Error);
        Assert.That(cli.Out, Does.Contain("0 0 3 ? * TUE").And.Contain("Tue "), "the schedule's own fire times, blackout or not");
        Assert.That(Regex.Matches(cli.Out, @"quiet\)").Count, Is.EqualTo(inside ? 9 : 0), "each of the three fire times of the three scheduled drills (the table wraps the mark, never inside a word)");
        Assert.That(Regex.Matches(cli.Out, @"\(blackout\b").Count, Is.EqualTo(inside ? 10 : 1), "the marks and the legend");
        Assert.That(cli.Out, Does.Contain("(blackout NAME): a fire refused and counted as skipped"));
    }
}

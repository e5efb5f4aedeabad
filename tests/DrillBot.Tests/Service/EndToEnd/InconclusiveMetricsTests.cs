using System.Text.RegularExpressions;
using DrillBot.Tests.Service.Support;

namespace DrillBot.Tests.Service.EndToEnd;

/// <summary>
/// An <c>inconclusive</c> run through serve counts under its own verdict and is not a pass (docs/metrics.md):
/// reviews-failover passes at its 0.95 share bound, then, reloaded with the bound at 0.99 (its ~100 samples after
/// recovery cannot decide that), ends inconclusive.
/// </summary>
[NonParallelizable]
public sealed class InconclusiveMetricsTests
{
    private const string Drill = "reviews-failover";

    [Test]
    public async Task Metrics_InconclusiveRunAfterAPass_CountedAsInconclusiveAndLastPassedZero()
    {
        await using var service = await ServiceHarness.StartAsync();
        var passed = await service.WaitForReportAsync(await service.StartAsync(Drill));
        var afterPass = await MetricsWhenAsync(service, $"drillbot_drill_runs_total{{drill=\"{Drill}\",verdict=\"passed\"}} 1");
        const string Bound = "share: { cn-shanghai: { atLeast: 0.95 } }";
        var yaml = TestDrills.Yaml();
        Assert.That(yaml, Does.Contain(Bound));
        var reloads = service.Logs.Lines.Count(l => l.Contains("drills.yaml reloaded", StringComparison.Ordinal));
        await File.WriteAllTextAsync(service.ConfigPath, yaml.Replace(Bound, "share: { cn-shanghai: { atLeast: 0.99 } }", StringComparison.Ordinal));
        await Eventually.WaitAsync(() => service.Logs.Lines.Count(l => l.Contains("drills.yaml reloaded", StringComparison.Ordinal)) > reloads, "the reload");

        var undecided = await service.WaitForReportAsync(await service.StartAsync(Drill));
        var metrics = await MetricsWhenAsync(service, $"drillbot_drill_runs_total{{drill=\"{Drill}\",verdict=\"inconclusive\"}} 1");

        Assert.That(passed["verdict"]!.GetValue<string>(), Is.EqualTo("passed"));
        Assert.That(undecided["verdict"]!.GetValue<string>(), Is.EqualTo("inconclusive"), string.Join("; ", undecided["reasons"]!.AsArray()));
        Assert.That(afterPass, Does.Contain($"drillbot_drill_last_passed{{drill=\"{Drill}\"}} 1"));
        Assert.That(afterPass, Does.Contain($"drillbot_drill_runs_total{{drill=\"{Drill}\",verdict=\"inconclusive\"}} 0"));
        Assert.That(metrics, Does.Contain($"drillbot_drill_last_passed{{drill=\"{Drill}\"}} 0"), "inconclusive is not a pass");
        Assert.That(metrics, Does.Contain($"drillbot_drill_runs_total{{drill=\"{Drill}\",verdict=\"passed\"}} 1"), "the earlier pass stays counted, once");
        Assert.That(metrics, Does.Contain($"drillbot_drill_runs_total{{drill=\"{Drill}\",verdict=\"failed\"}} 0"), "not counted as failed either");
        Assert.That(LastSuccess(afterPass), Is.Not.Empty);
        Assert.That(LastSuccess(metrics), Is.EqualTo(LastSuccess(afterPass)), "the last success is still the passed run");
        Assert.That(metrics, Does.Contain($"drillbot_restore_total{{drill=\"{Drill}\",status=\"verified\"}} 2"));
    }

    private static Task<string> MetricsWhenAsync(ServiceHarness service, string line) =>
        Eventually.WaitAsync(async () => await service.Http.GetStringAsync("/metrics") is var m && m.Contains(line + "\n", StringComparison.Ordinal) ? m : null, line);

    private static string LastSuccess(string metrics) =>
        Regex.Match(metrics, $"drillbot_drill_last_success_timestamp_seconds\\{{drill=\"{Drill}\"\\}} (\\S+)").Groups[1].Value;
}

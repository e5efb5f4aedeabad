using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using System.Text;
using DrillBot.Metrics;
using Prometheus;

namespace DrillBot.Tests.Metrics;

[TestFixture]
public sealed class DrillMetricsTests
{
    private static readonly DateTimeOffset Finished = new(2026, 11, 24, 19, 0, 0, TimeSpan.Zero);

    private static async Task<string> ExposeAsync(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static (CollectorRegistry Registry, DrillMetrics Metrics) Create()
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();
        return (registry, new DrillMetrics(registry));
    }

    [Test]
    public async Task RunFinished_PassedRun_SetsEveryContractSeries()
    {
        var (registry, metrics) = Create();
        metrics.Declare("reviews-failover", ["cn-shanghai", "cn-hangzhou", "degraded", "error"], TimeSpan.FromSeconds(30));
        metrics.RunStarted("reviews-failover");
        metrics.ProbeSampled("reviews-failover", "cn-shanghai");
        metrics.ProbeSampled("reviews-failover", "cn-shanghai");
        metrics.SlackRequest("command", "ok");
        metrics.RunFinished(new FinishedRun("reviews-failover", Verdict.Passed, TimeSpan.FromSeconds(42), Finished,
            TimeSpan.FromSeconds(1.4), new Dictionary<string, double> { ["cn-shanghai"] = 1.0 }, RestoreStatus.Verified));

        var text = await ExposeAsync(registry);
        var ts = Finished.ToUnixTimeSeconds();
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("drillbot_drill_runs_total{drill=\"reviews-failover\",verdict=\"passed\"} 1"));
            Assert.That(text, Does.Contain("drillbot_drill_runs_total{drill=\"reviews-failover\",verdict=\"failed\"} 0"));
            Assert.That(text, Does.Contain("drillbot_drill_duration_seconds_sum{drill=\"reviews-failover\"} 42"));
            Assert.That(text, Does.Contain("drillbot_drill_recovery_seconds_bucket{drill=\"reviews-failover\",le=\"2\"} 1"));
            Assert.That(text, Does.Contain("drillbot_drill_recovery_seconds_bucket{drill=\"reviews-failover\",le=\"1\"} 0"));
            Assert.That(text, Does.Contain($"drillbot_drill_last_run_timestamp_seconds{{drill=\"reviews-failover\"}} {ts}"));
            Assert.That(text, Does.Contain($"drillbot_drill_last_success_timestamp_seconds{{drill=\"reviews-failover\"}} {ts}"));
            Assert.That(text, Does.Contain("drillbot_drill_last_passed{drill=\"reviews-failover\"} 1"));
            Assert.That(text, Does.Contain("drillbot_drill_in_progress{drill=\"reviews-failover\"} 0"));
            Assert.That(text, Does.Contain("drillbot_drill_share_ratio{drill=\"reviews-failover\",class=\"cn-shanghai\"} 1"));
            Assert.That(text, Does.Contain("drillbot_probe_requests_total{drill=\"reviews-failover\",class=\"cn-shanghai\"} 2"));
            Assert.That(text, Does.Contain("drillbot_probe_requests_total{drill=\"reviews-failover\",class=\"degraded\"} 0"));
            Assert.That(text, Does.Contain("drillbot_restore_total{drill=\"reviews-failover\",status=\"verified\"} 1"));
            Assert.That(text, Does.Contain("drillbot_slack_requests_total{kind=\"command\",result=\"ok\"} 1"));
            Assert.That(text, Does.Contain("drillbot_drill_recovery_threshold_seconds{drill=\"reviews-failover\"} 30"));
        });
    }

    [Test]
    public async Task RunFinished_FailedRun_KeepsLastSuccessAndClearsLastPassed()
    {
        var (registry, metrics) = Create();
        metrics.RunFinished(new FinishedRun("d", Verdict.Passed, TimeSpan.FromSeconds(10), Finished, null,
            new Dictionary<string, double>(), RestoreStatus.Verified));
        metrics.RunStarted("d");
        metrics.RunFinished(new FinishedRun("d", Verdict.Failed, TimeSpan.FromSeconds(10), Finished.AddHours(1), null,
            new Dictionary<string, double>(), RestoreStatus.Failed));

        var text = await ExposeAsync(registry);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("drillbot_drill_last_passed{drill=\"d\"} 0"));
            Assert.That(text, Does.Contain($"drillbot_drill_last_success_timestamp_seconds{{drill=\"d\"}} {Finished.ToUnixTimeSeconds()}"));
            Assert.That(text, Does.Contain($"drillbot_drill_last_run_timestamp_seconds{{drill=\"d\"}} {Finished.AddHours(1).ToUnixTimeSeconds()}"));
            Assert.That(text, Does.Contain("drillbot_restore_total{drill=\"d\",status=\"failed\"} 1"));
            Assert.That(text, Does.Not.Contain("drillbot_drill_recovery_seconds_count{drill=\"d\"} 1"));
        });
    }

    [Test]
    public async Task Exposition_WithProcessMetrics_PassesPromtoolCheckMetrics()
    {
        var (registry, metrics) = Create();
        DotNetStats.Register(registry);
        metrics.Declare("reviews-failover", ["cn-shanghai", "error"], TimeSpan.FromSeconds(30));
        metrics.RunFinished(new FinishedRun("reviews-failover", Verdict.Passed, TimeSpan.FromSeconds(42), Finished,
            TimeSpan.FromSeconds(1.4), new Dictionary<string, double> { ["cn-shanghai"] = 0.99 }, RestoreStatus.Verified));
        var text = await ExposeAsync(registry);

        var (exitCode, output, errors) = await Promtool.CheckMetricsAsync(text);
        output += errors;

        Assert.That(exitCode, Is.Zero, output);
    }
}

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

    [Test]
    public async Task MeshAndTrend_RunWithMeshReport_UserErrorsAgreementChecksBudgetLastRecoveryAndPeriod()
    {
        var (registry, metrics) = Create();
        metrics.Declare("reviews-failover", ["cn-shanghai", "error"], TimeSpan.FromSeconds(30));
        metrics.SchedulePeriod("reviews-failover", TimeSpan.FromDays(7));
        metrics.SchedulePeriod("on-demand", null);
        var report = MeshReport(errors: 12, requests: 480);
        metrics.RunFinished(FinishedRun.Of(report));
        metrics.Mesh.RunFinished(report);
        metrics.Mesh.RunFinished(MeshReport(errors: 3, requests: 20));

        var text = await ExposeAsync(registry);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("drillbot_drill_user_errors_total{drill=\"reviews-failover\"} 15"));
            Assert.That(text, Does.Contain("drillbot_drill_user_requests_total{drill=\"reviews-failover\"} 500"));
            Assert.That(text, Does.Contain("drillbot_drill_mesh_agreement_delta{drill=\"reviews-failover\",window=\"afterRecovery\"} 0.02"));
            Assert.That(text, Does.Contain("drillbot_drill_mesh_checks_total{drill=\"reviews-failover\",result=\"passed\"} 2"));
            Assert.That(text, Does.Contain("drillbot_drill_mesh_checks_total{drill=\"reviews-failover\",result=\"skipped\"} 2"));
            Assert.That(text, Does.Contain("drillbot_drill_mesh_checks_total{drill=\"reviews-failover\",result=\"failed\"} 0"));
            Assert.That(text, Does.Contain("drillbot_drill_budget_spent_ratio{drill=\"reviews-failover\"} 0.015"), "the last run: 3 of 200");
            Assert.That(text, Does.Contain("drillbot_drill_last_recovery_seconds{drill=\"reviews-failover\"} 1.4"));
            Assert.That(text, Does.Contain("drillbot_drill_schedule_period_seconds{drill=\"reviews-failover\"} 604800"));
            Assert.That(text, Does.Not.Contain("drillbot_drill_schedule_period_seconds{drill=\"on-demand\"}"));
        });
        var (exitCode, output, errors) = await Promtool.CheckMetricsAsync(text);
        Assert.That(exitCode, Is.Zero, output + errors);
    }

    [Test]
    public async Task MeshMetrics_MeshSkipped_CountsSkippedChecksOnly()
    {
        var (registry, metrics) = Create();
        metrics.Declare("d", ["error"], null);
        var skipped = MeshReport(errors: 5, requests: 50) with { Drill = "d", Mesh = new Drills.Telemetry.MeshReport { Status = "skipped", Reason = "Prometheus unreachable" } };

        metrics.Mesh.RunFinished(skipped);

        var text = await ExposeAsync(registry);
        Assert.That(text, Does.Contain("drillbot_drill_user_errors_total{drill=\"d\"} 0"));
        Assert.That(text, Does.Contain("drillbot_drill_mesh_checks_total{drill=\"d\",result=\"skipped\"} 1"));
        Assert.That(text, Does.Not.Contain("drillbot_drill_mesh_agreement_delta{drill=\"d\""));
    }

    private static Drills.Reports.DrillReport MeshReport(long errors, long requests) => new()
    {
        RunId = "r",
        Drill = "reviews-failover",
        Verdict = Verdict.Passed,
        Trigger = new Drills.Reports.TriggerInfo(TriggerKind.Api, "test"),
        StartedAt = Finished.AddSeconds(-60),
        FinishedAt = Finished,
        Recovery = new Drills.Reports.RecoveryInfo(1.4, "cn-shanghai"),
        Probes = new Drills.Reports.ProbeSummary(10, 0, new Dictionary<string, int>(), new Drills.Reports.LatencyInfo(null, null, null), new Dictionary<string, double>(), null, 100, "http://x"),
        Checks =
        [
            new Drills.Analysis.CheckResult("recovery.within", "<= 30s", "1.4s", true),
            new Drills.Analysis.CheckResult("mesh.agreement.afterRecovery", "within 0.1", "cn-shanghai: …", true),
            new Drills.Analysis.CheckResult("mesh.agreement.afterFailback", "within 0.1", "skipped: window too short", false) { Skipped = true },
        ],
        Restore = new Drills.Reports.RestoreInfo(RestoreStatus.Verified, 1, [], null, null),
        Reasons = [],
        Timeline = new Drills.Reports.Timeline(Finished, []),
        Mesh = new Drills.Telemetry.MeshReport
        {
            Status = "evaluated",
            Windows = [new Drills.Telemetry.MeshWindowReport("afterRecovery", Finished, Finished, 100, new Dictionary<string, double>(), 300, new Dictionary<string, double>(), [], 0.02)],
            UserErrors = new Drills.Telemetry.UserErrorsReport(Finished, Finished, errors, requests, null, null),
        },
        Budget = new Drills.Telemetry.BudgetReport { BudgetErrors = 200, Spent = errors },
    };
}

using DrillBot.Tests.Metrics;
using DrillBot.Tests.Service.Support;
using DrillBot.Tests.Slack.EndToEnd;
using DrillBot.Tests.Slack.Fakes;

namespace DrillBot.Tests.Service.EndToEnd;

/// <summary>/metrics after drills through serve (values, labels, promtool), gauges restored from history after a restart, and no secret anywhere.</summary>
[NonParallelizable]
public sealed class MetricsAndSecretsTests
{
    [Test]
    public async Task Metrics_AfterADrill_ContractSeriesWithValuesAndPromtoolClean()
    {
        await using var service = await ServiceHarness.StartAsync();
        var runId = await service.StartAsync("reviews-failover");
        var report = await service.WaitForReportAsync(runId);

        var metrics = await Eventually.WaitAsync(async () => await service.Http.GetStringAsync("/metrics") is var m && m.Contains("drillbot_drill_runs_total{drill=\"reviews-failover\",verdict=\"passed\"} 1", StringComparison.Ordinal) ? m : null, "the finished run counted");
        var (code, lint, lintErr) = await Promtool.CheckMetricsAsync(metrics);
        lint += lintErr;

        Assert.That(report["verdict"]!.GetValue<string>(), Is.EqualTo("passed"));
        Assert.That(code, Is.Zero, lint);
        Assert.That(metrics, Does.Contain("drillbot_drill_in_progress{drill=\"reviews-failover\"} 0"));
        Assert.That(metrics, Does.Contain("drillbot_drill_last_passed{drill=\"reviews-failover\"} 1"));
        Assert.That(metrics, Does.Contain("drillbot_drill_recovery_seconds_count{drill=\"reviews-failover\"} 1"));
        Assert.That(metrics, Does.Contain("drillbot_drill_duration_seconds_count{drill=\"reviews-failover\"} 1"));
        Assert.That(metrics, Does.Contain("drillbot_restore_total{drill=\"reviews-failover\",status=\"verified\"} 1"));
        Assert.That(metrics, Does.Contain("drillbot_drill_share_ratio{drill=\"reviews-failover\",class=\"cn-shanghai\"} 1"));
        Assert.That(metrics, Does.Match("drillbot_probe_requests_total\\{drill=\"reviews-failover\",class=\"cn-shanghai\"\\} [1-9]"));
        Assert.That(metrics, Does.Contain("drillbot_drill_runs_total{drill=\"slow-failover\",verdict=\"passed\"} 0"), "configured drills are declared with zeros");
        Assert.That(metrics, Does.Contain("drillbot_drill_last_run_timestamp_seconds{drill=\"reviews-failover\"}"));
        Assert.That(metrics, Does.Contain("process_working_set_bytes"), "process metrics");
    }

    [Test]
    public async Task Restart_AfterAPassedRun_LastRunGaugesRestoredFromHistory()
    {
        var directory = Directory.CreateTempSubdirectory("drillbot-gauges-").FullName;
        var options = new ServiceHarness.Options { Directory = directory };
        await using (var first = await ServiceHarness.StartAsync(options))
        {
            await first.WaitForReportAsync(await first.StartAsync("reviews-distribution"));
        }

        await using var second = await ServiceHarness.StartAsync(options);
        var metrics = await second.Http.GetStringAsync("/metrics");

        Assert.That(metrics, Does.Contain("drillbot_drill_last_passed{drill=\"reviews-distribution\"} 1"));
        Assert.That(metrics, Does.Match("drillbot_drill_last_success_timestamp_seconds\\{drill=\"reviews-distribution\"\\} [0-9.e+]+"));
        Assert.That(metrics, Does.Contain("drillbot_drill_runs_total{drill=\"reviews-distribution\",verdict=\"passed\"} 0"), "counters start again; only the gauges come from history");
        await second.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Test]
    public async Task Secrets_SetInTheEnvironment_NeverInMetricsReportsApiAnswersOrLogs()
    {
        await using var service = await ServiceHarness.StartAsync(new ServiceHarness.Options
        {
            WithSlack = true,
            Environment = new Dictionary<string, string> { ["SLACK_APP_TOKEN"] = "xapp-1-app-token-secret" },
        });
        var secrets = new[] { ServiceHarness.ApiToken, ServiceHarness.BotToken, SignedRequests.Secret, "xapp-1-app-token-secret" };
        using var command = await service.PostSlackAsync("/slack/commands", SignedRequests.CommandBody("run reviews-failover", ServiceHarness.AllowedUser, "trig-secret", service.Slack!.ResponseUrl("s").ToString()));
        var runId = await service.WaitForLatestRunIdAsync();
        await service.WaitForReportAsync(runId);
        await Eventually.WaitAsync(() => SlackThread.Of(service.Slack.Calls, runId)?.Result is not null, "the result in Slack");

        var outputs = new List<string>
        {
            await command.Content.ReadAsStringAsync(),
            await service.Http.GetStringAsync("/metrics"),
            await service.Http.GetStringAsync("/readyz"),
            await service.Http.GetStringAsync("/healthz"),
            await service.Http.GetStringAsync($"/runs/{runId}"),
            (await service.SendAsync(HttpMethod.Get, $"/api/runs/{runId}")).Body.ToJsonString(),
            (await service.SendAsync(HttpMethod.Get, "/api/runs")).Body.ToJsonString(),
            (await service.SendAsync(HttpMethod.Get, "/api/drills")).Body.ToJsonString(),
            string.Join("\n", service.Slack.Calls.Select(c => c.Body?.ToJsonString())),
            service.Logs.Text,
        };

        foreach (var secret in secrets)
        {
            Assert.That(outputs, Has.None.Contains(secret), secret);
        }

        Assert.That(service.Logs.Text, Does.Contain("Socket Mode"), "the log was captured");
    }
}

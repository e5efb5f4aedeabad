using System.Text;
using System.Text.Json;

namespace DrillBot.Tests.Observability;

/// <summary>charts/drillbot/dashboards/drillbot.json: parses, has the drill variable, and queries only real metrics.</summary>
public sealed class DashboardTests
{
    [Test]
    public void Load_DashboardFile_ParsesWithUniquePanelIdsAndPositions()
    {
        using var dashboard = GrafanaDashboard.Load();
        var panels = dashboard.Panels().ToList();

        Assert.That(dashboard.Root.GetProperty("uid").GetString(), Is.Not.Empty);
        Assert.That(panels, Has.Count.GreaterThan(10));
        Assert.That(panels.Select(p => p.GetProperty("id").GetInt32()), Is.Unique);
        Assert.That(panels.Where(p => !p.TryGetProperty("gridPos", out _)).Select(p => p.GetProperty("title").GetString()), Is.Empty);
    }

    [Test]
    public void Variables_Drill_IsAMultiSelectOfTheDrillLabel()
    {
        using var dashboard = GrafanaDashboard.Load();
        var drill = dashboard.Variables().Single(v => v.GetProperty("name").GetString() == "drill");

        Assert.Multiple(() =>
        {
            Assert.That(drill.GetProperty("type").GetString(), Is.EqualTo("query"));
            Assert.That(drill.GetProperty("query").GetProperty("query").GetString(), Does.Match(@"^label_values\(drillbot_\w+, drill\)$"));
            Assert.That(drill.GetProperty("multi").GetBoolean(), Is.True);
            Assert.That(drill.GetProperty("includeAll").GetBoolean(), Is.True);
        });
    }

    [Test]
    public void AllQueries_MetricNames_AreContractPrometheusNetDefaultsOrUp()
    {
        using var dashboard = GrafanaDashboard.Load();

        foreach (var query in dashboard.AllQueries())
        {
            var metrics = PromQlMetricNames.Extract(query.Expr);
            Assert.That(metrics, Is.Not.Empty, $"{query.Where}: no metric in {query.Expr}");
            Assert.That(metrics.Where(m => !KnownMetrics.All.Contains(m)), Is.Empty, $"{query.Where}: {query.Expr}");
        }
    }

    [Test]
    public void PanelQueries_DrillMetrics_AreFilteredByTheDrillVariable()
    {
        using var dashboard = GrafanaDashboard.Load();

        foreach (var query in dashboard.PanelQueries().Concat(dashboard.AnnotationQueries()))
        {
            if (PromQlMetricNames.Extract(query.Expr).Any(m => m.StartsWith("drillbot_drill_", StringComparison.Ordinal) || m.StartsWith("drillbot_probe_", StringComparison.Ordinal) || m.StartsWith("drillbot_restore_", StringComparison.Ordinal)))
            {
                Assert.That(query.Expr, Does.Contain("drill=~\"$drill\""), query.Where);
            }
        }
    }

    [Test]
    public void PanelQueries_IssueList_EveryViewIsThere()
    {
        using var dashboard = GrafanaDashboard.Load();
        var panels = string.Join('\n', dashboard.PanelQueries().Select(q => q.Expr));
        var annotations = string.Join('\n', dashboard.AnnotationQueries().Select(q => q.Expr));

        Assert.Multiple(() =>
        {
            Assert.That(panels, Does.Contain("drillbot_drill_last_passed"), "verdict per drill");
            Assert.That(panels, Does.Contain("drillbot_drill_runs_total"), "runs by verdict");
            Assert.That(panels, Does.Contain("drillbot_drill_recovery_seconds_sum").And.Contain("drillbot_drill_recovery_threshold_seconds"), "recovery trend with threshold");
            Assert.That(panels, Does.Contain("drillbot_drill_share_ratio"), "failover share");
            Assert.That(panels, Does.Contain("time() - max by (drill) (drillbot_drill_last_success_timestamp_seconds"), "age of the last success");
            Assert.That(panels, Does.Contain("drillbot_drill_in_progress"), "drills in progress");
            Assert.That(panels, Does.Contain("rate(drillbot_probe_requests_total"), "probe classes per second");
            Assert.That(panels, Does.Contain("drillbot_restore_total{drill=~\"$drill\",status=\"failed\"}"), "restore failures");
            Assert.That(annotations, Does.Contain("drillbot_drill_last_run_timestamp_seconds").Or.Contain("drillbot_drill_runs_total"), "annotations for each run");
        });
    }

    [Test]
    public async Task AllQueries_AsRecordingRules_PassPromtoolCheck()
    {
        using var dashboard = GrafanaDashboard.Load();
        var rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        var i = 0;
        foreach (var query in dashboard.AllQueries())
        {
            var expr = query.Expr
                .Replace("$__rate_interval", "5m", StringComparison.Ordinal)
                .Replace("$__interval", "5m", StringComparison.Ordinal)
                .Replace("$__range", "1d", StringComparison.Ordinal)
                .Replace("$drill", ".+", StringComparison.Ordinal);
            Assert.That(expr, Does.Not.Contain("$"), $"{query.Where}: a Grafana variable this test does not substitute");
            rules.Append("      - record: dashboard:query_").Append(i++).Append('\n')
                 .Append("        expr: ").Append(JsonSerializer.Serialize(expr)).Append('\n');
        }

        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"dashboard-queries-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, rules.ToString());

        var result = await Promtool.CheckRulesAsync(path);

        Assert.That(result.ExitCode, Is.Zero, result.Output);
        Assert.That(result.Stdout, Does.Contain($"SUCCESS: {i} rules found"));
    }
}

using System.Text.Json;
using DrillBot.Tests.Observability;
using YamlDotNet.RepresentationModel;

namespace DrillBot.Tests.Chart;

/// <summary>The Grafana dashboard ConfigMap and the PrometheusRule built from the plain rules file.</summary>
public sealed class ChartMonitoringTests
{
    [Test]
    public async Task Render_DefaultValues_DashboardConfigMapIsLabelledForTheSidecarAndHoldsTheDashboard()
    {
        var manifests = await ChartRenderer.RenderManifestsAsync();
        var configMap = manifests.Single("ConfigMap", "drillbot-dashboard");
        var json = configMap.Root.Str("data", "drillbot.json");

        Assert.That(configMap.Root.Str("metadata", "labels", "grafana_dashboard"), Is.EqualTo("1"));
        using var rendered = JsonDocument.Parse(json);
        using var file = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(ChartRenderer.ChartDirectory, "dashboards", "drillbot.json")));
        Assert.That(JsonElement.DeepEquals(rendered.RootElement, file.RootElement), Is.True, "the ConfigMap must carry dashboards/drillbot.json unchanged");
    }

    [Test]
    public async Task Render_PrometheusRuleEnabled_RulesPassPromtoolCheck()
    {
        var rules = await RenderRulesFileAsync();

        var result = await Promtool.CheckRulesAsync(rules);

        Assert.That(result.ExitCode, Is.Zero, result.Output);
        Assert.That(result.Stdout, Does.Contain("SUCCESS: 7 rules found"));
    }

    [Test]
    public async Task Render_PrometheusRuleEnabled_CarriesEveryRuleOfThePlainFile()
    {
        var rendered = await RenderRulesFileAsync();

        static IEnumerable<string> Names(string path)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(path)));
            return stream.Documents[0].RootNode.Items("groups")
                .SelectMany(g => g.Items("rules"))
                .Select(r => (r.Find("alert") ?? r.At("record")).ToString());
        }

        Assert.That(Names(rendered), Is.EqualTo(Names(Path.Combine(ChartRenderer.ChartDirectory, "files", "drillbot-alerts.yaml"))));
    }

    [Test]
    public async Task Render_StaleAfterDays3_DrillStaleFiresAfterThreeDaysNotBefore()
    {
        var rules = await RenderRulesFileAsync("--set", "prometheusRule.staleAfterDays=3");
        var test = Path.Combine(Path.GetDirectoryName(rules)!, "stale-3-days.test.yaml");
        await File.WriteAllTextAsync(test, $$"""
            rule_files: [{{Path.GetFileName(rules)}}]
            evaluation_interval: 1h
            tests:
              - interval: 1h
                input_series:
                  - series: 'drillbot_drill_in_progress{job="drillbot",instance="a:8080",drill="reviews-failover"}'
                    values: '0x120'
                  - series: 'drillbot_drill_last_success_timestamp_seconds{job="drillbot",instance="a:8080",drill="reviews-failover"}'
                    values: '_ 3600x100'
                alert_rule_test:
                  - eval_time: 2d
                    alertname: DrillBotDrillStale
                    exp_alerts: []
                  - eval_time: 4d
                    alertname: DrillBotDrillStale
                    exp_alerts:
                      - exp_labels: { severity: warning, drill: reviews-failover }
                        exp_annotations:
                          summary: "DR drill reviews-failover has not passed for 3d 0h 0m 0s"
                          description: "No passed run of drill reviews-failover within the threshold. Is its schedule running (`drillbot list`), blocked by a blackout or the lock, or is it failing?"
            """);

        var result = await Promtool.TestRulesAsync(Path.GetDirectoryName(rules)!, Path.GetFileName(test));

        Assert.That(result.ExitCode, Is.Zero, result.Output);
    }

    [Test]
    public async Task Render_NameOverride_AlertsSelectTheRenamedScrapeJob()
    {
        var rules = await File.ReadAllTextAsync(await RenderRulesFileAsync("--set", "nameOverride=drbot"));

        Assert.That(rules, Does.Contain("up{job=\"drbot\"}"));
        Assert.That(rules, Does.Not.Contain("job=\"drillbot\""));
    }

    /// <summary>Renders the PrometheusRule and writes its spec (the rule groups) to a temp file.</summary>
    private static async Task<string> RenderRulesFileAsync(params string[] arguments)
    {
        var manifests = await ChartRenderer.RenderManifestsAsync(["--set", "prometheusRule.enabled=true", .. arguments]);
        var spec = manifests.Single("PrometheusRule").Root.At("spec");
        var directory = Directory.CreateDirectory(Path.Combine(TestContext.CurrentContext.WorkDirectory, $"rules-{Guid.NewGuid():N}")).FullName;
        var path = Path.Combine(directory, "rendered-rules.yaml");
        var stream = new YamlStream(new YamlDocument(spec));
        using (var writer = new StreamWriter(path))
        {
            stream.Save(writer, assignAnchors: false);
        }

        return path;
    }
}

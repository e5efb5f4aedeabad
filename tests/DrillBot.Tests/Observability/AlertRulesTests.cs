using DrillBot.Tests.Chart;
using YamlDotNet.RepresentationModel;

namespace DrillBot.Tests.Observability;

/// <summary>charts/drillbot/files/drillbot-alerts.yaml: valid, unit-tested, and about the right things.</summary>
public sealed class AlertRulesTests
{
    private const string RulesFile = "drillbot-alerts.yaml";

    private static string FilesDirectory => RepositoryRoot.Combine("charts", "drillbot", "files");

    [Test]
    public async Task CheckRules_AlertsFile_IsValid()
    {
        var result = await Promtool.CheckRulesAsync(Path.Combine(FilesDirectory, RulesFile));

        Assert.That(result.ExitCode, Is.Zero, result.Output);
        Assert.That(result.Stdout, Does.Contain("SUCCESS"));
    }

    [Test]
    public async Task TestRules_UnitScenarios_AllPass()
    {
        var result = await Promtool.TestRulesAsync(FilesDirectory, "drillbot-alerts.test.yaml", "drillbot-alerts-stale.test.yaml");

        Assert.That(result.ExitCode, Is.Zero, result.Output);
        Assert.That(result.Output, Does.Not.Contain("FAILED"));
    }

    [Test]
    public async Task TestRules_RuleBrokenOnPurpose_ScenariosCatchIt()
    {
        var directory = Directory.CreateDirectory(Path.Combine(TestContext.CurrentContext.WorkDirectory, $"broken-{Guid.NewGuid():N}")).FullName;
        var rules = await File.ReadAllTextAsync(Path.Combine(FilesDirectory, RulesFile));
        Assert.That(rules, Does.Contain("severity: critical"));
        await File.WriteAllTextAsync(Path.Combine(directory, RulesFile), rules.Replace("severity: critical", "severity: warning", StringComparison.Ordinal));
        File.Copy(Path.Combine(FilesDirectory, "drillbot-alerts.test.yaml"), Path.Combine(directory, "drillbot-alerts.test.yaml"));

        var result = await Promtool.TestRulesAsync(directory, "drillbot-alerts.test.yaml");

        Assert.That(result.ExitCode, Is.Not.Zero, "a restore failure downgraded to warning must fail the unit tests");
        Assert.That(result.Output, Does.Contain("DrillBotRestoreFailed"));
    }

    [TestCase("DrillBotDrillFailed", "warning")]
    [TestCase("DrillBotRestoreFailed", "critical")]
    [TestCase("DrillBotDrillStale", "warning")]
    [TestCase("DrillBotDrillStuck", "warning")]
    [TestCase("DrillBotDown", "warning")]
    [TestCase("DrillBotAbsent", "warning")]
    public void AlertsFile_Alert_ExistsWithSeverityAndTexts(string alert, string severity)
    {
        var rule = Rules().Single(r => r.Find("alert")?.ToString() == alert);

        Assert.Multiple(() =>
        {
            Assert.That(rule.Find("labels", "severity")?.ToString(), Is.EqualTo(severity));
            Assert.That(rule.Find("annotations", "summary")?.ToString(), Is.Not.Null.And.Not.Empty);
            Assert.That(rule.Find("annotations", "description")?.ToString(), Is.Not.Null.And.Not.Empty);
        });
    }

    [Test]
    public void AlertsFile_Expressions_NameOnlyKnownMetricsAndItsOwnRecordingRules()
    {
        var rules = Rules();
        var recorded = rules.Select(r => r.Find("record")?.ToString()).OfType<string>().ToHashSet(StringComparer.Ordinal);

        foreach (var rule in rules)
        {
            var expr = rule.Find("expr")!.ToString();
            foreach (var metric in PromQlMetricNames.Extract(expr))
            {
                Assert.That(KnownMetrics.All.Contains(metric) || recorded.Contains(metric), Is.True,
                    $"{rule.Find("alert") ?? rule.Find("record")}: unknown metric {metric}");
            }
        }
    }

    private static List<YamlNode> Rules()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(FilesDirectory, RulesFile))));
        var groups = (YamlSequenceNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("groups")];
        return [.. groups.Children.SelectMany(g => ((YamlSequenceNode)((YamlMappingNode)g).Children[new YamlScalarNode("rules")]).Children)];
    }
}

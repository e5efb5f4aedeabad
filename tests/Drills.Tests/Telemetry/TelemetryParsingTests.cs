using DrillBot.Drills.Definitions;
using DrillBot.Drills.Telemetry;
using DrillBot.Drills.Tests.Definitions;
using DrillBot.Drills.Tests.Scheduling;

namespace DrillBot.Drills.Tests.Telemetry;

/// <summary>drills.yaml's telemetry:, mesh: and budget: (docs/drills-yaml.md#telemetry): parsed, defaulted, validated with located problems.</summary>
public sealed class TelemetryParsingTests
{
    private const string Telemetry = "defaults: { namespace: default, timeZone: Asia/Shanghai }\n";

    private static DrillsLoadResult Parse(string yaml, Func<string, string?>? env = null) =>
        DrillsLoader.Parse(yaml, "d.yaml", TestCron.Parser, env ?? (_ => null));

    private static string WithTelemetry(string block) => SampleYaml.Replace(Telemetry, Telemetry + block);

    private static string WithDrillFields(string fields) => SampleYaml.Replace("    observeFor: 1m30s\n", "    observeFor: 1m30s\n" + fields);

    [Test]
    public void Parse_NoTelemetry_NoMeshAndNoBudget()
    {
        var config = Parse(SampleYaml.Valid).Config!;

        Assert.That(config.Telemetry, Is.Null);
        Assert.That((config.Drills[0].Mesh, config.Drills[0].Budget), Is.EqualTo(((MeshDefinition?)null, (BudgetDefinition?)null)));
    }

    [Test]
    public void Parse_EveryField_ReadsThemAndDefaultsTheRest()
    {
        var yaml = WithTelemetry("""
            telemetry:
              prometheus: ${PROM:-http://prometheus.istio-system:9090}
              scrapeInterval: 30s
              timeout: 2s
              ingress: { workload: gateway-east, namespace: gateways }
              classes: { cn-hangzhou: c-hz, cn-shanghai: [ c-sh1, c-sh2 ] }

            """);
        yaml = yaml.Replace("    observeFor: 1m30s\n", "    observeFor: 1m30s\n    mesh: { service: ratings, agreeWithin: 0.05, required: true }\n    budget: { maxUserErrors: 0.5%, window: 30d, perRun: 20% }\n", StringComparison.Ordinal);

        var result = Parse(yaml);

        Assert.That(result.Problems, Is.Empty);
        var t = result.Config!.Telemetry!;
        Assert.That((t.Prometheus, t.ScrapeInterval, t.Timeout, t.IngressWorkload, t.IngressNamespace),
            Is.EqualTo((new Uri("http://prometheus.istio-system:9090"), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2), "gateway-east", "gateways")));
        Assert.That(t.Classes["cn-shanghai"], Is.EqualTo(new[] { "c-sh1", "c-sh2" }));
        Assert.That(t.ClassOf("c-sh2"), Is.EqualTo("cn-shanghai"));
        var drill = result.Config.Drills[0];
        Assert.That(drill.Mesh, Is.EqualTo(new MeshDefinition { Service = "ratings", AgreeWithin = 0.05, Required = true }));
        Assert.That(drill.Budget, Is.EqualTo(new BudgetDefinition { MaxUserErrors = 0.005, Window = TimeSpan.FromDays(30), PerRunShare = 0.2 }));
        Assert.That(result.Config.Drills[1].Mesh, Is.Null, "the other drill keeps the defaults");
    }

    [Test]
    public void Parse_PrometheusVariableEmpty_NotConfigured_ClassesFromTheClustersRegions()
    {
        var yaml = WithTelemetry("telemetry:\n  prometheus: ${PROMETHEUS_URL:-}\n")
            .Replace("hangzhou: { context: ack-hangzhou }", "hangzhou: { context: ack-hangzhou, region: cn-hangzhou }", StringComparison.Ordinal);

        var t = Parse(yaml).Config!.Telemetry!;

        Assert.That(t.Prometheus, Is.Null);
        Assert.That(t.ScrapeInterval, Is.EqualTo(TimeSpan.FromSeconds(15)));
        Assert.That(t.Classes, Is.EquivalentTo(new Dictionary<string, IReadOnlyList<string>> { ["cn-hangzhou"] = ["ack-hangzhou"] }));
        Assert.That((t.IngressWorkload, t.IngressNamespace), Is.EqualTo(("istio-ingressgateway", "istio-system")));
    }

    [TestCase("telemetry: { prometheus: prometheus:9090 }", "telemetry.prometheus: 'prometheus:9090' is not an absolute http(s) URL")]
    [TestCase("telemetry: { prometheus: http://p, scrapeInterval: soon }", "telemetry.scrapeInterval: bad duration 'soon'")]
    [TestCase("telemetry: { scrapeInterval: 15s }", "telemetry: missing required field 'prometheus'")]
    [TestCase("telemetry: { prometheus: http://p, classes: { a: c1, b: c1 } }", "destination_cluster 'c1' is mapped to more than one class (a, b)")]
    [TestCase("telemetry: { prometheus: http://p, promethus: x }", "telemetry: unknown field 'promethus'")]
    public void Parse_BadTelemetry_OneLocatedProblem(string block, string message)
    {
        var problems = Parse(WithTelemetry(block + "\n")).Problems;

        Assert.That(problems, Has.Count.EqualTo(1), string.Join("\n", problems));
        Assert.That(problems[0].Message, Does.Contain(message));
        Assert.That(problems[0].Location.Line, Is.EqualTo(5));
    }

    [TestCase("    budget: { maxUserErrors: 5, window: 30d }\n", "budget.maxUserErrors: expected a ratio above 0 and below 1 (0.005) or a percentage (0.5%), found '5'")]
    [TestCase("    budget: { maxUserErrors: 0.5%, window: 30 days }\n", "budget.window: bad duration '30 days' (days first")]
    [TestCase("    budget: { perRun: 10% }\n", "budget.perRun: a share of the error budget needs 'maxUserErrors'")]
    [TestCase("    budget: { maxUserErrors: 0.5%, perRun: lots }\n", "budget.perRun: expected a share of the window's error budget (20%) or a number of failed user requests (500), found 'lots'")]
    [TestCase("    budget: { window: 30d }\n", "budget: give 'maxUserErrors' (the SLO, with 'window'), 'perRun' (the cap of one run), or both")]
    [TestCase("    budget: { maxUserErrors: 0.5%, window: 30s }\n", "budget.window: shorter than four scrape intervals")]
    [TestCase("    mesh: { agreeWithin: 2 }\n", "mesh.agreeWithin: expected a number between 0 and 1")]
    public void Parse_BadMeshOrBudget_OneLocatedProblem(string fields, string message)
    {
        var yaml = WithTelemetry("telemetry: { prometheus: http://p }\n").Replace("    observeFor: 1m30s\n", "    observeFor: 1m30s\n" + fields, StringComparison.Ordinal);

        var problems = Parse(yaml).Problems;

        Assert.That(problems.Select(p => p.Message).ToList(), Has.Count.EqualTo(1).And.Some.Contains(message));
    }

    [TestCase("    budget: { perRun: 500 }\n", "drills[0].budget: needs the mesh's metrics: add a top-level 'telemetry: { prometheus: URL }'")]
    [TestCase("    mesh: { required: true }\n", "drills[0].mesh.required: needs the mesh's metrics")]
    public void Parse_BudgetOrRequiredWithoutTelemetry_Refused(string fields, string message)
    {
        var problems = Parse(WithDrillFields(fields)).Problems;

        Assert.That(problems.Single().Message, Does.StartWith(message));
    }

    [Test]
    public void Parse_WindowInDaysAndHours_PerRunCount()
    {
        var yaml = WithTelemetry("telemetry: { prometheus: http://p }\n").Replace("    observeFor: 1m30s\n", "    observeFor: 1m30s\n    budget: { maxUserErrors: 0.001, window: 7d12h, perRun: 250 }\n", StringComparison.Ordinal);

        var budget = Parse(yaml).Config!.Drills[0].Budget!;

        Assert.That(budget, Is.EqualTo(new BudgetDefinition { MaxUserErrors = 0.001, Window = TimeSpan.FromHours(180), PerRunErrors = 250 }));
        Assert.That(DrillBot.Drills.Telemetry.Parsing.MeshParser.WindowText(budget.Window), Is.EqualTo("7d12h"));
    }

    [Test]
    public void ServiceFor_NoMeshService_TheLastTrafficStepsDestinationRuleElseTheFailedWorkload()
    {
        var config = Parse(SampleYaml.Valid).Config!;

        Assert.That(MeshDefinition.Default.ServiceFor(config.Drills[0]), Is.EqualTo("reviews"));
        Assert.That(new MeshDefinition { Service = "details" }.ServiceFor(config.Drills[0]), Is.EqualTo("details"));
        var onlyScale = config.Drills[0] with { Steps = [config.Drills[0].Steps[0]] };
        Assert.That(MeshDefinition.Default.ServiceFor(onlyScale), Is.Null);
    }
}

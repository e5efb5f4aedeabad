using DrillBot.Drills.Definitions;
using DrillBot.Drills.Tests.Scheduling;

namespace DrillBot.Drills.Tests.Definitions;

public sealed class DrillsLoaderTests
{
    private static readonly Func<string, string?> NoEnv = _ => null;

    [Test]
    public void Parse_ValidSample_BuildsRecords()
    {
        var result = DrillsLoader.Parse(SampleYaml.Valid, "d.yaml", TestCron.Parser, NoEnv);

        Assert.That(result.Problems, Is.Empty);
        var drill = result.Config!.FindDrill("failover")!;
        Assert.Multiple(() =>
        {
            Assert.That(drill.Probe.Url, Is.EqualTo(new Uri("http://127.0.0.1:1/productpage")));
            Assert.That(drill.Probe.Interval, Is.EqualTo(TimeSpan.FromMilliseconds(100)));
            Assert.That(drill.ObserveFor, Is.EqualTo(TimeSpan.FromSeconds(90)));
            Assert.That(drill.TimeZone.Id, Is.EqualTo("Asia/Shanghai"));
            Assert.That(drill.Steps[0], Is.EqualTo(new ScaleStep { Cluster = "hangzhou", Namespace = "default", Deployment = "reviews-v1", Replicas = 0, Fault = true, Location = drill.Steps[0].Location }));
            Assert.That(((EnableFailoverStep)drill.Steps[1]).OutlierDetection.MaxEjectionPercent, Is.EqualTo(100));
            Assert.That(drill.Expect.Share["cn-shanghai"].AtLeast, Is.EqualTo(0.95));
            Assert.That(drill.Steps[0].Location.Line, Is.EqualTo(20));
        });
        var dist = result.Config.FindDrill("distribution")!;
        Assert.That(((DistributeTrafficStep)dist.Steps[0]).Distribute[0].To["cn-shanghai/*"], Is.EqualTo(10));
        Assert.That(dist.Expect.Share["ok"], Is.EqualTo(new ShareExpectation(0.05, 0.15)));
    }

    [Test]
    public void Parse_EnvVariableSet_ExpandsIt()
    {
        var result = DrillsLoader.Parse(SampleYaml.Valid, "d.yaml", TestCron.Parser, n => n == "URL" ? "http://example.test/pp" : null);

        Assert.That(result.Config!.Drills[0].Probe.Url.Host, Is.EqualTo("example.test"));
    }

    [Test]
    public void LoadFile_RepositoryDrillsYaml_IsValid()
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "drills.yaml");
        var result = DrillsLoader.LoadFile(path, TestCron.Parser, n => n is "PRODUCTPAGE_URL" or "PRODUCTPAGE_URL_CN_SHANGHAI" ? "http://127.0.0.1:9/productpage" : null);

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Config!.Drills.Select(d => d.Name), Is.SupersetOf(new[] { "reviews-failover", "reviews-distribution", "reviews-region-outage" }));
        var failover = result.Config.FindDrill("reviews-failover")!;
        Assert.That(failover.Steps.Select(s => s.Kind), Is.EqualTo(new[] { "enableFailover", "enableFailover", "wait", "scale" }), "productpage kept local, reviews failover armed, watched, then the fault");
        Assert.That(failover.Steps[^1].Fault, Is.True);
        Assert.That(failover.Expect.BeforeFault, Is.EqualTo(new BeforeFaultExpectation("cn-hangzhou", 0.95, 50)));
        Assert.That(failover.Expect.Confidence, Is.EqualTo(0.95));
        Assert.That(((EnableFailoverStep)failover.Steps[0]).OutlierDetection!.MaxEjectionPercent, Is.EqualTo(100));
        var runbook = result.Config.FindDrill("reviews-failover-runbook-order")!;
        Assert.That(runbook.Steps.Select(s => s.Kind), Is.EqualTo(new[] { "scale", "enableFailover" }), "the runbook's own order");
        Assert.That(runbook.Steps[0].Fault, Is.True);
        var outage = result.Config.FindDrill("reviews-region-outage")!;
        Assert.That(outage.Steps[^1], Is.TypeOf<FailWorkloadStep>().And.Property("Fault").True);
        Assert.That(((FailWorkloadStep)outage.Steps[^1]).Name, Is.EqualTo("drillbot-fail-reviews-v1"));
        Assert.That(result.Warnings, Is.Empty, "the bundled drills do not expect failover from a VirtualService abort");
    }

    [Test]
    public void Parse_SeveralProblems_ReportsEveryOneSortedByLine()
    {
        var yaml = SampleYaml.Replace("interval: 100ms", "interval: 100").Replace("cluster: hangzhou", "cluster: nowhere").Replace("observeFor: 30s", "observeFor: soon");

        var result = DrillsLoader.Parse(yaml, "d.yaml", TestCron.Parser, NoEnv);

        Assert.That(result.Config, Is.Null);
        Assert.That(result.Problems, Has.Count.EqualTo(3));
        Assert.That(result.Problems.Select(p => p.Location.Line), Is.Ordered);
    }

    [Test]
    public void Parse_BrokenYaml_ReportsPlaceOfSyntaxError()
    {
        var result = DrillsLoader.Parse("clusters:\n  a: { context: x\ndrills: []\n", "bad.yaml", TestCron.Parser, NoEnv);

        Assert.That(result.Problems, Has.Count.EqualTo(1));
        Assert.That(result.Problems[0].ToString(), Does.StartWith("bad.yaml:").And.Contain("not valid YAML"));
    }

    [Test]
    public void Parse_EmptyOptionalList_IsEmpty()
    {
        var result = DrillsLoader.Parse(SampleYaml.Replace("blackouts:\n  - { name: weekend, cron: \"* * * ? * SAT,SUN\" }", "blackouts:   # none"), "d.yaml", TestCron.Parser, NoEnv);

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Config!.Blackouts, Is.Empty);
    }

    [TestCase("      timeout: 2s", "\t  timeout: 2s", 1)]
    [TestCase("      timeout: 2s", "    \t timeout: 2s", 5)]
    [TestCase("  mesh: { context: asm }", "\tmesh: { context: asm }", 1)]
    public void Parse_TabInIndentation_ReportsTheTabsPlace(string line, string tabbed, int column)
    {
        var yaml = SampleYaml.Replace(line, tabbed);
        var tabLine = yaml.Split('\n').Select((l, i) => (l, i)).First(x => x.l == tabbed).i + 1;

        var result = DrillsLoader.Parse(yaml, "d.yaml", TestCron.Parser, NoEnv);

        Assert.That(result.Config, Is.Null);
        Assert.That(result.Problems.Select(p => p.ToString()), Is.EqualTo(new[] { $"d.yaml:{tabLine}:{column}: tab in indentation; YAML needs spaces" }));
    }

    [Test]
    public void Parse_TabInsideQuotedValue_IsNotAnIndentationProblem()
    {
        var result = DrillsLoader.Parse(SampleYaml.Replace("  - name: distribution", "  - name: distribution\n    description: \"a\tb\""), "d.yaml", TestCron.Parser, NoEnv);

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Config!.FindDrill("distribution")!.Description, Is.EqualTo("a\tb"));
    }

    [Test]
    public void Parse_KeyTwiceInBlockMapping_ReportsSecondNamingFirst()
    {
        var yaml = SampleYaml.Replace("    steadyState: { duration: 3s, minOkRatio: 1.0 }", "    steadyState: { duration: 3s, minOkRatio: 1.0 }\n    probe: { url: http://x/, interval: 1s, classify: [] }");
        var first = LineOf(yaml, "    probe:");
        var second = LineOf(yaml, "    probe: {");

        var result = DrillsLoader.Parse(yaml, "d.yaml", TestCron.Parser, NoEnv);

        Assert.That(result.Config, Is.Null);
        Assert.That(result.Problems.Select(p => p.ToString()), Is.EqualTo(new[] { $"d.yaml:{second}:5: duplicate key 'probe' (first at {first}:5)" }));
    }

    [Test]
    public void Parse_KeyTwiceInFlowMapping_ReportsSecondNamingFirst()
    {
        var yaml = SampleYaml.Replace("{ duration: 3s, minOkRatio: 1.0 }", "{ duration: 3s, minOkRatio: 1.0, duration: 4s }");
        var line = LineOf(yaml, "    steadyState:");
        var text = yaml.Split('\n')[line - 1];
        var (first, second) = (text.IndexOf("duration", StringComparison.Ordinal) + 1, text.LastIndexOf("duration", StringComparison.Ordinal) + 1);

        var result = DrillsLoader.Parse(yaml, "d.yaml", TestCron.Parser, NoEnv);

        Assert.That(result.Problems.Select(p => p.ToString()), Is.EqualTo(new[] { $"d.yaml:{line}:{second}: duplicate key 'duration' (first at {line}:{first})" }));
    }

    [Test]
    public void Parse_SameKeyInDifferentMappings_IsNotDuplicate()
    {
        // `cluster`, `interval`, `class` repeat across sibling mappings of the sample; only one mapping counts
        var result = DrillsLoader.Parse(SampleYaml.Valid, "d.yaml", TestCron.Parser, NoEnv);

        Assert.That(result.Problems, Is.Empty);
    }

    private static int LineOf(string yaml, string start) =>
        yaml.Split('\n').Select((l, i) => (l, i)).First(x => x.l.StartsWith(start, StringComparison.Ordinal)).i + 1;

    [Test]
    public void LoadFile_MissingFile_ReportsCannotRead()
    {
        var result = DrillsLoader.LoadFile("/nonexistent/drills.yaml", TestCron.Parser, NoEnv);

        Assert.That(result.Problems.Single().Message, Does.Contain("cannot read"));
    }
}

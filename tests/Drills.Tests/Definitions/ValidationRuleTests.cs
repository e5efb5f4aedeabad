using DrillBot.Drills.Definitions;
using DrillBot.Drills.Tests.Scheduling;

namespace DrillBot.Drills.Tests.Definitions;

/// <summary>One test per validation rule: each breaks one thing and expects one precise problem.</summary>
public sealed class ValidationRuleTests
{
    private static ValidationProblem Single(string yaml)
    {
        var result = DrillsLoader.Parse(yaml, "d.yaml", TestCron.Parser, _ => null);
        Assert.That(result.Config, Is.Null, "an invalid file yields no config");
        Assert.That(result.Problems, Has.Count.EqualTo(1), string.Join("\n", result.Problems));
        return result.Problems[0];
    }

    private static int LineOf(string yaml, string text) =>
        yaml.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains(text, StringComparison.Ordinal)).i + 1;

    [Test]
    public void Parse_UnknownField_ReportsFieldWithPlace()
    {
        var yaml = SampleYaml.Replace("timeout: 2s", "timeout: 2s\n      intervall: 5s");

        var p = Single(yaml);

        Assert.That(p.Message, Does.Contain("unknown field 'intervall'").And.Contain("drills[0].probe"));
        Assert.That(p.Location, Is.EqualTo(new SourceLocation("d.yaml", LineOf(yaml, "intervall"), 7)));
    }

    [Test]
    public void Parse_UnknownCluster_ReportsClusterName()
    {
        var yaml = SampleYaml.Replace("cluster: hangzhou", "cluster: beijing");

        var p = Single(yaml);

        Assert.That(p.Message, Does.Contain("unknown cluster 'beijing'"));
        Assert.That(p.Location.Line, Is.EqualTo(LineOf(yaml, "beijing")));
    }

    [TestCase("100")]
    [TestCase("5 min")]
    [TestCase("-1s")]
    [TestCase("0s")]
    [TestCase("30s1m")]
    [TestCase("1s1s")]
    [TestCase("PT1M")]
    [TestCase("1m30")]
    public void Parse_BadDuration_ReportsDuration(string bad)
    {
        var p = Single(SampleYaml.Replace("interval: 100ms", $"interval: {bad}"));

        Assert.That(p.Message, Does.Contain($"bad duration '{bad}'"));
    }

    [TestCase("250ms", 250)]
    [TestCase("2s", 2_000)]
    [TestCase("1m", 60_000)]
    [TestCase("1m30s", 90_000)]
    [TestCase("1h30m", 5_400_000)]
    [TestCase("1s500ms", 1_500)]
    [TestCase("1.5s", 1_500)]
    [TestCase("1h", 3_600_000)]
    public void Parse_GoodDuration_IsParsed(string text, int ms)
    {
        var result = DrillsLoader.Parse(SampleYaml.Replace("observeFor: 1m30s", $"observeFor: {text}").Replace("stableFor: 5s", "stableFor: 100ms").Replace("timeout: 5m", "timeout: 2h"), "d.yaml", TestCron.Parser, _ => null);

        Assert.That(result.Config!.Drills[0].ObserveFor, Is.EqualTo(TimeSpan.FromMilliseconds(ms)));
    }

    [TestCase("observe_for")]
    [TestCase("ObserveFor")]
    [TestCase("observe-for")]
    public void Parse_FieldInAnotherCasing_SaysFieldsAreCamelCase(string key)
    {
        var yaml = SampleYaml.Replace("    observeFor: 1m30s", $"    {key}: 1m30s");

        var problems = DrillsLoader.Parse(yaml, "d.yaml", TestCron.Parser, _ => null).Problems;

        Assert.That(problems.Select(p => p.Message), Has.Some.EqualTo($"drills[0]: unknown field '{key}' (field names are camelCase: did you mean 'observeFor'?)"));
    }

    [Test]
    public void Parse_BadWaitShorthand_SameDurationMessage()
    {
        var p = Single(SampleYaml.Replace("- wait: 1s", "- wait: 1s1s"));

        Assert.That(p.Message, Is.EqualTo("drills[1].steps[1].wait: bad duration '1s1s' (use a positive number with a unit, largest first: 100ms, 2s, 1m, 1h30m)"));
    }

    [Test]
    public void Parse_CronParserRefusesSchedule_ReportsItsMessageAtTheValue()
    {
        var yaml = SampleYaml.Replace("0 0 3 ? * TUE", "bad 0 3 ? * TUE");

        var p = Single(yaml);

        Assert.That(p.Message, Is.EqualTo("drills[0].schedule: bad Quartz cron expression 'bad 0 3 ? * TUE': refused by the test parser"));
        Assert.That(p.Location, Is.EqualTo(new SourceLocation("d.yaml", LineOf(yaml, "bad 0 3"), 15)));
    }

    [Test]
    public void Parse_CronParserRefusesBlackout_ReportsIt()
    {
        var p = Single(SampleYaml.Replace("* * * ? * SAT,SUN", "* * * ? * bad"));

        Assert.That(p.Message, Does.StartWith("blackouts[0].cron: bad Quartz cron expression '* * * ? * bad'"));
    }

    [Test]
    public void Parse_BadTimeZone_ReportsIt()
    {
        var p = Single(SampleYaml.Replace("Asia/Shanghai", "Mars/Olympus"));

        Assert.That(p.Message, Does.Contain("unknown time zone 'Mars/Olympus'"));
    }

    [Test]
    public void Parse_DistributeInsideFailoverStep_ReportsMutualExclusion()
    {
        var p = Single(SampleYaml.Replace("failover: [ { from: cn-hangzhou, to: cn-shanghai } ]", "failover: [ { from: cn-hangzhou, to: cn-shanghai } ]\n          distribute: []"));

        Assert.That(p.Message, Does.Contain("'distribute' and 'failover' cannot be used together"));
    }

    [Test]
    public void Parse_DistributeAndFailoverStepsOnSameRule_ReportsMutualExclusion()
    {
        var yaml = SampleYaml.Replace("      - scale: { cluster: hangzhou, deployment: reviews-v1, replicas: 0, fault: true }",
            "      - scale: { cluster: hangzhou, deployment: reviews-v1, replicas: 0, fault: true }\n      - distributeTraffic: { cluster: mesh, destinationRule: reviews, distribute: [ { from: a/*, to: { a/*: 100 } } ] }");

        var p = Single(yaml);

        Assert.That(p.Message, Does.Contain("gets both 'distribute' and 'failover'"));
    }

    [Test]
    public void Parse_WeightsNotTotalling100_ReportsTotal()
    {
        var p = Single(SampleYaml.Replace("\"cn-shanghai/*\": 10", "\"cn-shanghai/*\": 20"));

        Assert.That(p.Message, Does.Contain("weights total 110, they must total 100"));
    }

    [Test]
    public void Parse_FailoverWithoutOutlierDetection_ReportsWhy()
    {
        var p = Single(SampleYaml.Replace("          outlierDetection: { consecutive5xxErrors: 1, interval: 1s, baseEjectionTime: 1m }\n", string.Empty));

        Assert.That(p.Message, Does.Contain("failover needs 'outlierDetection'"));
    }

    [Test]
    public void Parse_DuplicateDrillName_ReportsSecond()
    {
        var yaml = SampleYaml.Replace("- name: distribution", "- name: failover");

        var p = Single(yaml);

        var lines = yaml.Split('\n').Select((l, i) => (l, i)).Where(x => x.l.EndsWith("- name: failover", StringComparison.Ordinal)).Select(x => x.i + 1).ToList();
        Assert.That(p.ToString(), Is.EqualTo($"d.yaml:{lines[1]}:5: duplicate drill name 'failover' (first at {lines[0]}:5)"));
    }

    [Test]
    public void Parse_UndefinedVariable_ReportsName()
    {
        var yaml = SampleYaml.Replace("${URL:-http://127.0.0.1:1/productpage}", "${PRODUCTPAGE_URL}");

        var result = DrillsLoader.Parse(yaml, "d.yaml", TestCron.Parser, _ => null);

        Assert.That(result.Problems.Select(p => p.Message), Has.Some.Contains("undefined environment variable PRODUCTPAGE_URL"));
        Assert.That(result.Problems[0].Location.Line, Is.EqualTo(LineOf(yaml, "PRODUCTPAGE_URL")));
    }

    [Test]
    public void Parse_UndefinedVariable_OneProblemNotAlsoAboutTheEmptyValue()
    {
        var yaml = SampleYaml.Replace("${URL:-http://127.0.0.1:1/productpage}", "${PRODUCTPAGE_URL}");

        var result = DrillsLoader.Parse(yaml, "d.yaml", TestCron.Parser, _ => null);

        Assert.That(result.Problems.Where(p => p.Location.Line == LineOf(yaml, "PRODUCTPAGE_URL")), Has.Exactly(1).Items);
    }

    [Test]
    public void Parse_UndefinedVariableAsWarning_WarnsAtItsPlaceAndKeepsEveryDrill()
    {
        var yaml = SampleYaml.Replace("${URL:-http://127.0.0.1:1/productpage}", "${PRODUCTPAGE_URL}");

        var result = DrillsLoader.Parse(yaml, "d.yaml", TestCron.Parser, _ => null, undefinedAsWarning: true);

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Config!.Drills, Has.Count.EqualTo(2), "the drill with the unknown address is still checked and counted");
        Assert.That(result.Warnings.Select(w => w.ToString()), Is.EqualTo(new[] { $"d.yaml:{LineOf(yaml, "PRODUCTPAGE_URL")}:12: drills[0].probe.url: undefined environment variable PRODUCTPAGE_URL (set it, or write ${{PRODUCTPAGE_URL:-default}})" }));
    }

    [Test]
    public void Parse_UndefinedVariableAsWarning_OtherProblemsStillErrors()
    {
        var yaml = SampleYaml.Replace("${URL:-http://127.0.0.1:1/productpage}", "${PRODUCTPAGE_URL}").Replace("cluster: hangzhou", "cluster: beijing");

        var result = DrillsLoader.Parse(yaml, "d.yaml", TestCron.Parser, _ => null, undefinedAsWarning: true);

        Assert.That(result.Config, Is.Null);
        Assert.That(result.Problems.Single().Message, Does.Contain("unknown cluster 'beijing'"));
        Assert.That(result.Warnings, Has.Count.EqualTo(1));
    }

    [Test]
    public void Parse_VariableWithDefault_UsesDefault()
    {
        var result = DrillsLoader.Parse(SampleYaml.Valid, "d.yaml", TestCron.Parser, _ => null);

        Assert.That(result.Config!.Drills[0].Probe.Url.Port, Is.EqualTo(1));
    }

    [Test]
    public void Parse_InvalidRegex_ReportsIt()
    {
        var p = Single(SampleYaml.Replace("full stars|reviews-v2", "full (stars"));

        Assert.That(p.Message, Does.Contain("bodyMatches: invalid regular expression"));
    }

    [Test]
    public void Parse_MissingRequiredField_ReportsField()
    {
        var p = Single(SampleYaml.Replace("    observeFor: 1m30s\n", string.Empty));

        Assert.That(p.Message, Is.EqualTo("drills[0]: missing required field 'observeFor'"));
    }

    [Test]
    public void Parse_UnknownStepKind_ReportsKinds()
    {
        var p = Single(SampleYaml.Replace("- wait: 1s", "- reboot: 1s"));

        Assert.That(p.Message, Does.Contain("unknown step kind 'reboot'"));
    }

    [Test]
    public void Parse_TwoFaultSteps_ReportsSecond()
    {
        var p = Single(SampleYaml.Replace("destinationRule: reviews\n          failover", "destinationRule: reviews\n          fault: true\n          failover"));

        Assert.That(p.Message, Does.Contain("only one step may be marked 'fault: true'"));
    }

    [Test]
    public void Parse_RecoveryServedByUnknownClass_ReportsClasses()
    {
        var p = Single(SampleYaml.Replace("servedBy: cn-shanghai", "servedBy: shanghai"));

        Assert.That(p.Message, Does.Contain("'shanghai' is not an ok class"));
    }

    [Test]
    public void Parse_ShareOfUnknownClass_ReportsIt()
    {
        var p = Single(SampleYaml.Replace("share: { cn-shanghai: { atLeast: 0.95 } }", "share: { beijing: { atLeast: 0.95 } }"));

        Assert.That(p.Message, Does.Contain("'beijing' is not a class"));
    }

    [Test]
    public void Parse_ErrorAsClassName_ReportsReserved()
    {
        var p = Single(SampleYaml.Replace("{ class: ok, status: 200 }", "{ class: error, status: 500 }").Replace("share: { ok:", "share: { error:"));

        Assert.That(p.Message, Does.Contain("'error' is reserved"));
    }

    [Test]
    public void Parse_ClusterWithoutContextOrInCluster_ReportsIt()
    {
        var p = Single(SampleYaml.Replace("mesh: { context: asm }", "mesh: { kubeconfig: /tmp/k }"));

        Assert.That(p.Message, Does.Contain("give exactly one of 'context'"));
    }

    [Test]
    public void Parse_WrongType_ReportsExpected()
    {
        var p = Single(SampleYaml.Replace("replicas: 0", "replicas: none"));

        Assert.That(p.Message, Does.Contain("replicas: expected a whole number"));
    }

    [Test]
    public void Parse_RatioOutOfRange_ReportsIt()
    {
        var p = Single(SampleYaml.Replace("minOkRatio: 1.0", "minOkRatio: 1.5"));

        Assert.That(p.Message, Does.Contain("minOkRatio: expected a number between 0 and 1"));
    }
}

using System.Text.Json.Nodes;
using System.Xml.Linq;
using DrillBot.Drills.Analysis;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;

namespace DrillBot.Drills.Tests.Reports;

/// <summary>The report of a run with a control and two probes: JSON fields added (none renamed), HTML and JUnit show them.</summary>
public sealed class ControlAndProbesRenderTests
{
    private const string Finding = "the fault recovers without failover: this drill does not prove failover";

    private static readonly StepInfo ControlStep = new(1, "scale", "scale reviews-v1 to 0", SampleReport.Start.AddSeconds(1), true, true, null) { Control = true };

    private static DrillReport Report() => SampleReport.Build(Verdict.Failed) with
    {
        Steps = [ControlStep, .. SampleReport.Build().Steps],
        Checks =
        [
            new CheckResult("via-hangzhou/share.cn-shanghai", "between 0.05 and 0.15", "0.094 (113/1206)", true) { Interval = new ConfidenceInterval(0.0785, 0.1115, 0.95, 113, 1206) },
            new CheckResult("via-shanghai/share.cn-shanghai", "between 0.35 and 0.65", "0.498 (601/1206)", true) { Interval = new ConfidenceInterval(0.4701, 0.5266, 0.95, 601, 1206) },
            new CheckResult(Claims.ControlDegraded, "without the remediation …", Finding + " (…)", false),
        ],
        Reasons = ["control: " + Finding],
        Probes = SampleReport.Build().Probes with
        {
            PerProbe =
            [
                new ProbeEntrySummary("via-hangzhou", "http://a/productpage", 1300, 0, new Dictionary<string, int> { ["cn-hangzhou"] = 1187, ["cn-shanghai"] = 113 }, new LatencyInfo(1, 2, 3), new Dictionary<string, double> { ["cn-shanghai"] = 0.094 }, 0, null),
                new ProbeEntrySummary("via-shanghai", "http://b/productpage", 1300, 0, new Dictionary<string, int> { ["cn-hangzhou"] = 650, ["cn-shanghai"] = 650 }, new LatencyInfo(1, 2, 3), new Dictionary<string, double> { ["cn-shanghai"] = 0.498 }, 0, null),
            ],
        },
        Control = new ControlInfo(35, ["1: enableFailover"], SampleReport.Start, SampleReport.Start.AddSeconds(1), SampleReport.Start.AddSeconds(36), "duration", false, true, Finding,
            [new CheckResult("recovery.within", "<= 30s", "0.1s", true)], [ControlStep],
            new RestoreInfo(RestoreStatus.Verified, 1.5, [], SampleReport.Start.AddSeconds(36), SampleReport.Start.AddSeconds(37))),
        Timeline = new Timeline(SampleReport.Start, [new TimelineSample(0.1, 3, "cn-hangzhou", true, 200, null, false) { Probe = "via-hangzhou" }, new TimelineSample(0.1, 3, "cn-shanghai", true, 200, null, false) { Probe = "via-shanghai" }]),
    };

    [Test]
    public void Json_ControlAndPerProbe_AddedBesideTheContractFields()
    {
        var json = JsonNode.Parse(ReportJson.Serialize(Report()))!;

        var control = json["control"]!;
        Assert.That((control["necessary"]!.GetValue<bool>(), control["sufficient"]!.GetValue<bool>(), control["finding"]!.GetValue<string>(), control["endedBy"]!.GetValue<string>()), Is.EqualTo((false, true, Finding, "duration")));
        Assert.That(control["leftOut"]!.AsArray().Select(n => n!.GetValue<string>()), Is.EqualTo(new[] { "1: enableFailover" }));
        Assert.That(control["restore"]!["failbackSeconds"]!.GetValue<double>(), Is.EqualTo(1.5));
        Assert.That(control["steps"]![0]!["control"]!.GetValue<bool>(), Is.True);
        var perProbe = json["probes"]!["perProbe"]!.AsArray();
        Assert.That(perProbe.Select(p => p!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "via-hangzhou", "via-shanghai" }));
        Assert.That(perProbe[1]!["shares"]!["cn-shanghai"]!.GetValue<double>(), Is.EqualTo(0.498));
        Assert.That(json["timeline"]!["samples"]![1]!["probe"]!.GetValue<string>(), Is.EqualTo("via-shanghai"));
        foreach (var field in new[] { "runId", "drill", "verdict", "trigger", "startedAt", "faultAt", "finishedAt", "recovery", "probes", "checks", "restore", "reasons", "proves" })
        {
            Assert.That(json.AsObject().ContainsKey(field), Is.True, field);
        }

        Assert.That(ReportJson.Deserialize(ReportJson.Serialize(Report()))!.Control!.Finding, Is.EqualTo(Finding), "round trip (the store keeps the JSON)");
        Assert.That(JsonNode.Parse(ReportJson.Serialize(SampleReport.Build()))!["control"], Is.Null, "no control: null");
    }

    [Test]
    public void Html_ShowsTheControlFindingAndATableRowPerProbe()
    {
        var html = HtmlReport.Render(Report());

        Assert.That(html, Does.Contain("Control run: the fault without 1: enableFailover"));
        Assert.That(html, Does.Contain("remediation necessary: <b>no</b> · sufficient: <b>yes</b>"));
        Assert.That(html, Does.Contain($"<p class=\"bad\"><b>{Finding}</b></p>"));
        Assert.That(html, Does.Contain("<td>via-hangzhou</td><td>http://a/productpage</td>").And.Contain("<td>via-shanghai</td><td>http://b/productpage</td>"));
        Assert.That(html, Does.Contain("bands top to bottom: via-hangzhou, via-shanghai"));
        Assert.That(html, Does.Contain("(control run: not t0)"));
        Assert.That(html.IndexOf("Control run", StringComparison.Ordinal), Is.LessThan(html.IndexOf("<h2>Checks", StringComparison.Ordinal)), "the control leads, after what was proved");
    }

    [Test]
    public void JUnit_PerProbeChecksAndTheControlCheckAreTestcases()
    {
        var xml = XDocument.Parse(JUnitReport.Render(Report()));

        var cases = xml.Descendants("testcase").ToDictionary(c => c.Attribute("name")!.Value);
        Assert.That(cases.Keys, Is.SupersetOf(new[] { "via-hangzhou/share.cn-shanghai", "via-shanghai/share.cn-shanghai", "control.degraded" }));
        Assert.That(cases["control.degraded"].Element("failure")!.Attribute("message")!.Value, Does.Contain(Finding));
    }
}

using System.Text.Json.Nodes;
using DrillBot.Drills.Analysis;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Telemetry;

namespace DrillBot.Drills.Tests.Reports;

/// <summary>The mesh's part of a report in every rendering: JSON fields, JUnit testcases, the HTML section and the one-line summary.</summary>
public sealed class MeshRenderTests
{
    private static DrillReport Report() => SampleReport.Build() with
    {
        Checks =
        [
            new CheckResult("recovery.within", "<= 30s", "1.4s", true),
            new CheckResult("mesh.agreement.afterRecovery", "within 0.1", "cn-shanghai: probe 1.0000 …", true),
            new CheckResult("mesh.agreement.afterFailback", "within 0.1", "skipped: the window (0.6s) is shorter than two scrape intervals", false) { Skipped = true },
            new CheckResult("mesh.userErrors", "<= 20 failed user requests (budget)", "31 of 900 user requests failed (3.44 %)", false),
        ],
        Mesh = new MeshReport
        {
            Status = MeshReport.Evaluated,
            Prometheus = "http://prometheus:9090/",
            Service = "reviews",
            AgreeWithin = 0.1,
            Windows = [new MeshWindowReport("afterRecovery", SampleReport.Start.AddSeconds(4), SampleReport.Start.AddSeconds(14), 100, new Dictionary<string, double> { ["cn-shanghai"] = 1 },
                412, new Dictionary<string, double> { ["cn-shanghai"] = 0.9951, ["cn-hangzhou"] = 0.0049 },
                [new MeshSourceReport("productpage-v1", "ack-hangzhou", 412, new Dictionary<string, long> { ["ack-shanghai"] = 410, ["ack-hangzhou"] = 2 })], 0.0049) { MaxGap = 0 }],
            UserErrors = new UserErrorsReport(SampleReport.Start.AddSeconds(3), SampleReport.Start.AddSeconds(21), 31, 900, 0.25, SampleReport.Start.AddSeconds(5)),
        },
        Budget = new BudgetReport { MaxUserErrors = 0.005, WindowSeconds = 30 * 86400, WindowRequests = 1_000_000, BudgetErrors = 5000, SpentBefore = 1000, RemainingAtStart = 4000, Allowed = 20, Spent = 31 },
    };

    [Test]
    public void Json_MeshAndBudget_AsFieldsWithTheSkippedResult()
    {
        var json = JsonNode.Parse(ReportJson.Serialize(Report()))!;

        Assert.That(json["mesh"]!["windows"]![0]!["meshShares"]!["cn-shanghai"]!.GetValue<double>(), Is.EqualTo(0.9951));
        Assert.That(json["mesh"]!["windows"]![0]!["sources"]![0]!["byDestinationCluster"]!["ack-shanghai"]!.GetValue<long>(), Is.EqualTo(410));
        Assert.That(json["mesh"]!["userErrors"]!["ratio"]!.GetValue<double>(), Is.EqualTo(0.034444));
        Assert.That(json["budget"]!["spentOfBudget"]!.GetValue<double>(), Is.EqualTo(0.0062));
        Assert.That(json["checks"]![2]!["result"]!.GetValue<string>(), Is.EqualTo("skipped"));
        Assert.That(json["checks"]![2]!["skipped"]!.GetValue<bool>(), Is.True);
        Assert.That(ReportJson.Deserialize(ReportJson.Serialize(Report()))!.Mesh!.Windows[0].Sources[0].Responses, Is.EqualTo(412), "the history reads it back");
    }

    [Test]
    public void JUnit_SkippedMeshCheckIsSkipped_OverTheCapIsAFailure()
    {
        var xml = System.Xml.Linq.XDocument.Parse(JUnitReport.Render(Report()));
        var cases = xml.Descendants("testcase").ToDictionary(c => (string)c.Attribute("name")!);

        Assert.That(cases["mesh.agreement.afterFailback"].Element("skipped")!.Attribute("message")!.Value, Does.StartWith("skipped: the window"));
        Assert.That(cases["mesh.userErrors"].Element("failure")!.Attribute("message")!.Value, Does.Contain("31 of 900"));
        Assert.That(cases["mesh.agreement.afterRecovery"].Elements(), Is.Empty);
    }

    [Test]
    public void Html_MeshSection_WindowsSourcesUserErrorsAndBudget()
    {
        var html = HtmlReport.Render(Report());

        Assert.That(html, Does.Contain("<h2>Mesh (what all users saw)</h2>"));
        Assert.That(html, Does.Contain("productpage-v1@ack-hangzhou: ack-shanghai 410, ack-hangzhou 2"));
        Assert.That(html, Does.Contain("<b>31</b> of 900"));
        Assert.That(html, Does.Contain("this run may spend 20, spent <b>31</b>"));
        Assert.That(html, Does.Contain("<div class=\"label\">user errors</div>"));
        Assert.That(html, Does.Contain("<td class=\"warn\">skipped</td>"));
    }

    [Test]
    public void MeshLine_EvaluatedOrSkipped_OneLine()
    {
        Assert.That(MeshLine.Of(Report()), Is.EqualTo("mesh: user errors 31 of 900 (3.44 %); probe vs mesh afterRecovery 0.0049; agree where measured (1 of 2 windows skipped); budget spent 31 (0.62 % of the window's), allowed 20"));
        Assert.That(MeshLine.Of(Report() with { Mesh = new MeshReport { Status = MeshReport.Skipped, Reason = "telemetry.prometheus is empty (not configured)" } }),
            Is.EqualTo("mesh: skipped (telemetry.prometheus is empty (not configured))"));
        Assert.That(MeshLine.Of(SampleReport.Build()), Is.Null);
    }
}

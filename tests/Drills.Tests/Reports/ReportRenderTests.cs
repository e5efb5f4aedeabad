using System.Text.Json.Nodes;
using System.Xml.Linq;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;

namespace DrillBot.Drills.Tests.Reports;

public sealed class ReportRenderTests
{
    [Test]
    public void Serialize_Report_HasContractFieldsInContractFormat()
    {
        var json = JsonNode.Parse(ReportJson.Serialize(SampleReport.Build()))!;

        Assert.Multiple(() =>
        {
            Assert.That(json["runId"]!.GetValue<string>(), Is.EqualTo("20260106-030000-abcdef"));
            Assert.That(json["verdict"]!.GetValue<string>(), Is.EqualTo("passed"));
            Assert.That(json["trigger"]!["kind"]!.GetValue<string>(), Is.EqualTo("slack"));
            Assert.That(json["startedAt"]!.GetValue<string>(), Is.EqualTo("2026-01-06T03:00:00.000Z"));
            Assert.That(json["faultAt"]!.GetValue<string>(), Is.EqualTo("2026-01-06T03:00:03.000Z"));
            Assert.That(json["recovery"]!["seconds"]!.GetValue<double>(), Is.EqualTo(1.4));
            Assert.That(json["probes"]!["byClass"]!["cn-shanghai"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(json["probes"]!["latencyMs"]!["p95"]!.GetValue<double>(), Is.EqualTo(7.9));
            Assert.That(json["checks"]![1]!["passed"]!.GetValue<bool>(), Is.False);
            Assert.That(json["restore"]!["status"]!.GetValue<string>(), Is.EqualTo("verified"));
            Assert.That(json["restore"]!["failbackSeconds"]!.GetValue<double>(), Is.EqualTo(2.0));
            Assert.That(json["restore"]!["objects"]![0]!["kind"]!.GetValue<string>(), Is.EqualTo("Deployment"));
            Assert.That(json["reasons"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(json["timeline"]!["samples"]!.AsArray(), Has.Count.EqualTo(4));
        });
    }

    [Test]
    public void Serialize_RoundTrip_KeepsReport()
    {
        var report = SampleReport.Build();

        var back = ReportJson.Deserialize(ReportJson.Serialize(report))!;

        Assert.That(ReportJson.Serialize(back), Is.EqualTo(ReportJson.Serialize(report)));
    }

    [Test]
    public void JUnit_OneTestcasePerCheckPlusRestore()
    {
        var xml = XDocument.Parse(JUnitReport.Render(SampleReport.Build(Verdict.Failed)));

        var cases = xml.Descendants("testcase").ToList();
        Assert.That(cases.Select(c => c.Attribute("name")!.Value), Is.EqualTo(new[] { "recovery.within", "share.cn-shanghai", "restore" }));
        Assert.That(cases[1].Element("failure")!.Attribute("message")!.Value, Is.EqualTo("expected >= 0.95, got 0.9"));
        Assert.That(xml.Root!.Attribute("failures")!.Value, Is.EqualTo("1"));
    }

    [Test]
    public void JUnit_RestoreFailedAndErrored_RestoreFailsAndRunErrors()
    {
        var xml = XDocument.Parse(JUnitReport.Render(SampleReport.Build(Verdict.Errored, RestoreStatus.Failed)));

        var restore = xml.Descendants("testcase").Single(c => c.Attribute("name")!.Value == "restore");
        Assert.That(restore.Element("failure")!.Value, Does.Contain("hangzhou:Deployment/default/reviews-v1: 403 Forbidden"));
        Assert.That(xml.Descendants("testcase").Single(c => c.Attribute("name")!.Value == "run").Element("error"), Is.Not.Null);
    }

    [Test]
    public void Html_SelfContainedWithTimelineMarkersAndTables()
    {
        var html = HtmlReport.Render(SampleReport.Build(Verdict.Failed));

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
            Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("src=").And.Not.Contain("href=\"http"));
            Assert.That(html, Does.Contain("Lose &lt;reviews&gt; &amp; fail over"), "text is escaped");
            Assert.That(html, Does.Contain(">FAILED<"));
            Assert.That(System.Text.RegularExpressions.Regex.Matches(html, "<circle ").Count, Is.EqualTo(4), "one latency dot per sample");
            Assert.That(html, Does.Contain(">fault</text>").And.Contain(">restore-start</text>"));
            Assert.That(html, Does.Contain("<td>share.cn-shanghai</td>"));
            Assert.That(html, Does.Contain("<code>spec.<wbr>replicas = 0</code>"));
        });
    }

    [Test]
    public void Html_SvgIsWellFormedXml()
    {
        var html = HtmlReport.Render(SampleReport.Build());
        var start = html.IndexOf("<svg", StringComparison.Ordinal);
        var end = html.IndexOf("</svg>", StringComparison.Ordinal) + 6;

        Assert.That(() => XDocument.Parse(html[start..end]), Throws.Nothing);
    }
}

using System.Text.Json.Nodes;
using System.Xml.Linq;
using DrillBot.Drills.Analysis;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Running;

namespace DrillBot.Drills.Tests.Reports;

/// <summary>The report leads with what was proved and shows each statistical check's interval and confidence.</summary>
public sealed class ProvesAndIntervalsRenderTests
{
    private static DrillReport Report() => SampleReport.Build(Verdict.Inconclusive) with
    {
        Checks =
        [
            new CheckResult("beforeFault.cn-hangzhou", ">= 0.95", "1 (20/20)", false) { Inconclusive = true, Interval = new ConfidenceInterval(0.8388, 1, 0.95, 20, 20) },
            new CheckResult("share.cn-shanghai", ">= 0.95", "1 (100/100)", true) { Interval = new ConfidenceInterval(0.963, 1, 0.95, 100, 100) },
        ],
        Proves =
        [
            new Proof("locality-preference", ["beforeFault.cn-hangzhou"], false),
            new Proof("distribution", ["share.cn-shanghai"], true),
        ],
    };

    [Test]
    public void Json_ProvesAndIntervals_AreFields()
    {
        var json = JsonNode.Parse(ReportJson.Serialize(Report()))!;

        Assert.Multiple(() =>
        {
            Assert.That(json["verdict"]!.GetValue<string>(), Is.EqualTo("inconclusive"));
            Assert.That(json["proves"]![0]!.ToJsonString(), Is.EqualTo("""{"claim":"locality-preference","checks":["beforeFault.cn-hangzhou"],"proved":false}"""));
            var check = json["checks"]![0]!;
            Assert.That((check["passed"]!.GetValue<bool>(), check["inconclusive"]!.GetValue<bool>(), check["result"]!.GetValue<string>()), Is.EqualTo((false, true, "inconclusive")));
            Assert.That(check["interval"]!.ToJsonString(), Is.EqualTo("""{"low":0.8388,"high":1,"confidence":0.95,"hits":20,"samples":20}"""));
            Assert.That(json["checks"]![1]!["failed"], Is.Null, "Failed is derived, not a field");
        });
    }

    [Test]
    public void Json_RoundTrip_KeepsProvesAndIntervals()
    {
        var back = ReportJson.Deserialize(ReportJson.Serialize(Report()))!;

        Assert.That(back.Proves.Select(p => (p.Claim, p.Proved)), Is.EqualTo(new[] { ("locality-preference", false), ("distribution", true) }));
        Assert.That(back.Checks[0].Interval, Is.EqualTo(new ConfidenceInterval(0.8388, 1, 0.95, 20, 20)));
        Assert.That(back.Checks[0].Inconclusive, Is.True);
    }

    [Test]
    public void Json_OldReportWithoutProves_ReadsAsEmpty()
    {
        var json = JsonNode.Parse(ReportJson.Serialize(SampleReport.Build()))!.AsObject();
        json.Remove("proves");

        Assert.That(ReportJson.Deserialize(json.ToJsonString())!.Proves, Is.Empty);
    }

    [Test]
    public void Html_LeadsWithProvedAndShowsIntervals()
    {
        var html = HtmlReport.Render(Report());

        var proved = html.IndexOf("Proved: distribution (share.cn-shanghai)", StringComparison.Ordinal);
        var notProved = html.IndexOf("Not proved: locality-preference (beforeFault.cn-hangzhou)", StringComparison.Ordinal);
        Assert.That(proved, Is.GreaterThan(0));
        Assert.That(notProved, Is.GreaterThan(proved));
        Assert.That(notProved, Is.LessThan(html.IndexOf("class=\"figures\"", StringComparison.Ordinal)), "before the figures");
        Assert.That(html, Does.Contain("[0.8388, 1.0000] at 95 % (20/20)").And.Contain(">inconclusive<").And.Contain("v-inconclusive"));
    }

    [Test]
    public void JUnit_InconclusiveCheck_SkippedWithInterval()
    {
        var xml = XDocument.Parse(JUnitReport.Render(Report()));
        var testcase = xml.Descendants("testcase").Single(t => (string?)t.Attribute("name") == "beforeFault.cn-hangzhou");

        Assert.That(testcase.Element("skipped")?.Attribute("message")?.Value, Does.StartWith("inconclusive"));
        Assert.That(testcase.Element("failure"), Is.Null);
        Assert.That(testcase.Element("system-out")!.Value, Is.EqualTo("0.95 confidence interval [0.8388, 1.0000] from 20/20"));
        Assert.That(xml.Root!.Element("testsuite")!.Attribute("skipped")!.Value, Is.EqualTo("1"));
    }

    [Test]
    public void ProofLines_NoClaims_SaysSo() =>
        Assert.That(ProofLines.Of([]), Is.EqualTo(new[] { "Proved: no claim (this drill's steps and expectations back none of the known claims)" }));
}

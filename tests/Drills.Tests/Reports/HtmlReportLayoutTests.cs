using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;

namespace DrillBot.Drills.Tests.Reports;

/// <summary>What keeps the HTML report readable at laptop width (seen on docs/report.png).</summary>
public sealed class HtmlReportLayoutTests
{
    [Test]
    public void Render_LongFieldPathsAndValues_BreakAtDotsAndCommasNotInsideWords()
    {
        const string before = """{"spec.trafficPolicy.loadBalancer.localityLbSetting.enabled":null,"spec.trafficPolicy.loadBalancer.localityLbSetting.failover":[{"from":"cn-hangzhou","to":"cn-shanghai"}]}""";
        var sample = SampleReport.Build();
        var report = sample with
        {
            Restore = sample.Restore with
            {
                Objects = [new RestoreObjectInfo("mesh", "DestinationRule", "default", "reviews", true, true, "enableFailover", before, before, before, [], null)],
            },
        };

        var html = HtmlReport.Render(report);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<div class=\"note\">spec.trafficPolicy.loadBalancer.localityLbSetting:</div>"), "the common prefix once");
            Assert.That(html, Does.Contain("<div class=\"fv\"><code>enabled = absent</code></div>"));
            Assert.That(html, Does.Contain("failover = [{&quot;from&quot;:&quot;cn-hangzhou&quot;,<wbr>&quot;to&quot;:&quot;cn-shanghai&quot;}]"));
            Assert.That(html, Does.Not.Contain("break-all"), "no break inside a word where a dot or comma will do");
            Assert.That(html, Does.Match(@"\.fv\{[^}]*min-width:15em"), "a value column stays wide enough for a whole field name such as maxRequestsPerConnection");
        });
    }

    [Test]
    public void Breakable_FieldPath_OpportunityAfterEveryDotOfThePathOnly()
    {
        var line = Tables.Breakable("outlierDetection.baseEjectionTime = \"1.5m\"");

        Assert.That(line, Is.EqualTo("outlierDetection.<wbr>baseEjectionTime = &quot;1.5m&quot;"));
    }

    [Test]
    public void Render_LongFigure_SmallerFontOnOneLine()
    {
        var html = HtmlReport.Render(SampleReport.Build());

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<div class=\"value long\" title=\"3.1 / 7.9 / 12\">3.1 / 7.9 / 12</div>"), "latency p50/p95/p99 is 14 characters");
            Assert.That(html, Does.Contain("<div class=\"value\" title=\"1.4 s\">1.4 s</div>"), "a short figure keeps the large font");
            Assert.That(html, Does.Contain("white-space:nowrap"));
        });
    }
}

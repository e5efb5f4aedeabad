using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using DrillBot.Resumption;
using DrillBot.Scheduling;
using DrillBot.Tests.Service.Support;

namespace DrillBot.Tests.Resumption;

/// <summary>The report of a run restored after its owner died: same JSON shape, renders as HTML, no probes.</summary>
public sealed class ResumedReportTests
{
    [Test]
    public void Build_RestoredObjects_ErroredReportThatRoundTripsAndRenders()
    {
        var config = DrillsLoader.Parse(TestDrills.Yaml(), "drills.yaml", QuartzCronParser.Instance, n => n == "PRODUCTPAGE_URL" ? "http://127.0.0.1:9/" : null).Config!;
        var at = DateTimeOffset.Parse("2026-01-06T03:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var item = new RestoreItemResult(new ObjectRef("hangzhou", ObjectKind.Deployment, "default", "reviews-v1"), "scale", true, true, """{"spec.replicas":1}""", """{"spec.replicas":0}""", """{"spec.replicas":1}""", [], null);
        var restore = new RestoreResult(RestoreStatus.Verified, [item], at.AddMinutes(5), at.AddMinutes(5).AddSeconds(2));

        var report = ResumedReport.Build("20260106-030000-abcdef", "reviews-failover", "a", null, at, restore, "instance b", config);
        var json = ReportJson.Serialize(report);
        var html = HtmlReport.Render(ReportJson.Deserialize(json)!);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Errored));
        Assert.That(report.Description, Is.EqualTo(config.FindDrill("reviews-failover")!.Description));
        Assert.That(json, Does.Contain("\"verdict\": \"errored\"").And.Contain("\"status\": \"verified\"").And.Contain("reviews-v1"));
        Assert.That(html, Does.Contain("ERRORED").And.Contain("reviews-v1").And.Contain("interrupted: instance a stopped during the run"));
    }
}

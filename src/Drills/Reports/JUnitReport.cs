using System.Globalization;
using System.Xml.Linq;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;

namespace DrillBot.Drills.Reports;

/// <summary>JUnit XML: one testcase per check (an inconclusive or skipped check is skipped, with its interval or why), one for the restore, one for the run when it aborted or errored.</summary>
public static class JUnitReport
{
    public static string Render(DrillReport report)
    {
        var cases = new List<XElement>();
        var className = $"drillbot.{report.Drill}";
        foreach (var check in report.Checks)
        {
            var testcase = new XElement("testcase", new XAttribute("classname", className), new XAttribute("name", check.Name), new XAttribute("time", "0"));
            if (check.Skipped)
            {
                testcase.Add(new XElement("skipped", new XAttribute("message", check.Actual)));
            }
            else if (check.Inconclusive)
            {
                // not a pass: the run's exit code is 5; JUnit has no third outcome, skipped is the closest
                testcase.Add(new XElement("skipped", new XAttribute("message", $"inconclusive (too few samples to decide): expected {check.Expected}, got {check.Actual}")));
            }
            else if (!check.Passed)
            {
                testcase.Add(new XElement("failure", new XAttribute("type", "check"), new XAttribute("message", $"expected {check.Expected}, got {check.Actual}")));
            }

            if (check.Interval is { } ci)
            {
                testcase.Add(new XElement("system-out", $"{ci.Confidence.ToString("0.###", CultureInfo.InvariantCulture)} confidence interval [{ci.Low.ToString("0.0000", CultureInfo.InvariantCulture)}, {ci.High.ToString("0.0000", CultureInfo.InvariantCulture)}] from {ci.Hits}/{ci.Samples}"));
            }

            cases.Add(testcase);
        }

        var restore = new XElement("testcase", new XAttribute("classname", className), new XAttribute("name", "restore"),
            new XAttribute("time", Seconds(report.Restore.FinishedAt - report.Restore.StartedAt)));
        if (report.Restore.Status == RestoreStatus.Failed)
        {
            var left = report.Restore.Objects.Where(o => !o.Ok).Select(o => $"{o.Cluster}:{o.Kind}/{o.Namespace}/{o.Name}: {o.Error}");
            restore.Add(new XElement("failure", new XAttribute("type", "restore"), new XAttribute("message", "restore failed: state may still be changed"), string.Join("\n", left)));
        }

        restore.Add(new XElement("system-out", string.Join("\n", report.Restore.Objects.Select(o => $"{o.Cluster}:{o.Kind}/{o.Namespace}/{o.Name} before={o.Before} during={o.During} after={o.After ?? "?"} {(o.Verified ? "verified" : o.Ok ? "restored" : "FAILED")}"))));
        cases.Add(restore);
        if (report.Verdict is Verdict.Aborted or Verdict.Errored)
        {
            var kind = report.Verdict == Verdict.Errored ? "error" : "failure";
            cases.Add(new XElement("testcase", new XAttribute("classname", className), new XAttribute("name", "run"), new XAttribute("time", "0"),
                new XElement(kind, new XAttribute("type", report.Verdict.WireName()), new XAttribute("message", report.Reasons.FirstOrDefault() ?? report.Verdict.ToString()), string.Join("\n", report.Reasons))));
        }

        var failures = cases.Count(c => c.Element("failure") is not null);
        var errors = cases.Count(c => c.Element("error") is not null);
        var skipped = cases.Count(c => c.Element("skipped") is not null);
        var suite = new XElement("testsuite",
            new XAttribute("name", report.Drill), new XAttribute("tests", cases.Count), new XAttribute("failures", failures), new XAttribute("errors", errors), new XAttribute("skipped", skipped),
            new XAttribute("timestamp", report.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)),
            new XAttribute("time", Seconds(report.FinishedAt - report.StartedAt)),
            new XElement("properties",
                new XElement("property", new XAttribute("name", "runId"), new XAttribute("value", report.RunId)),
                new XElement("property", new XAttribute("name", "verdict"), new XAttribute("value", report.Verdict.WireName())),
                new XElement("property", new XAttribute("name", "recoverySeconds"), new XAttribute("value", report.Recovery?.Seconds.ToString(CultureInfo.InvariantCulture) ?? "none"))),
            cases);
        var doc = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("testsuites", new XAttribute("name", "drillbot"), new XAttribute("tests", cases.Count), new XAttribute("failures", failures), new XAttribute("errors", errors), suite));
        return doc.Declaration + "\n" + doc.Root;
    }

    private static string Seconds(TimeSpan? t) => (t ?? TimeSpan.Zero).TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}

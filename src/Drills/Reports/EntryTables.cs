using System.Globalization;
using System.Text;
using DrillBot.Drills.Running;
using static DrillBot.Drills.Reports.HtmlReport;

namespace DrillBot.Drills.Reports;

/// <summary>The HTML report's sections for a drill with <c>probes:</c> (one row per probe) and for a control run.</summary>
internal static class EntryTables
{
    public static void Control(StringBuilder html, DrillReport report)
    {
        if (report.Control is not { } c)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<section class=\"control\"><h2>Control run: the fault without {E(string.Join(", ", c.LeftOut))}</h2>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"{(c.Necessary == true ? "ok" : c.Necessary == false ? "bad" : "warn")}\">remediation necessary: <b>{YesNo(c.Necessary)}</b> · sufficient: <b>{YesNo(c.Sufficient)}</b> · watched {Time(c.StartedAt)} → {Time(c.EndedAt)} UTC (up to {Num(c.DurationSeconds)} s, ended by {E(c.EndedBy)}) · back to steady state {(c.Restore?.FailbackSeconds is { } b ? $"{Num(b)} s" : "–")} after its restore ({E(c.Restore is { } r ? r.Status.WireName() : "–")})</p>");
        if (c.Finding is { } finding)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"bad\"><b>{E(finding)}</b></p>");
        }

        html.Append("<table><thead><tr><th>expectation during the control</th><th>expected</th><th>actual</th><th>result</th></tr></thead><tbody>");
        foreach (var check in c.Checks)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(check.Name)}</td><td>{E(check.Expected)}</td><td>{E(check.Actual)}</td><td>{E(check.Result)}</td></tr>");
        }

        if (c.Checks.Count == 0)
        {
            html.Append("<tr><td colspan=\"4\">not measured (the run stopped during the control)</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }

    public static void PerProbe(StringBuilder html, DrillReport report)
    {
        if (report.Probes.PerProbe.Count == 0)
        {
            return;
        }

        html.Append("<section><h2>Probes (one per entry point)</h2><table><thead><tr><th>probe</th><th>url</th><th>samples</th><th>by class</th><th>shares (ok samples)</th><th>error ratio</th><th>recovery</th></tr></thead><tbody>");
        foreach (var p in report.Probes.PerProbe)
        {
            var classes = string.Join(", ", p.ByClass.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value}"));
            var shares = string.Join(", ", p.Shares.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {Num(kv.Value)}"));
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(p.Name)}</td><td>{E(p.Url)}</td><td>{p.Total} ({p.Late} late)</td><td>{E(classes)}</td><td>{E(shares)}</td><td>{Num(p.ErrorRatio)}</td><td>{(p.Recovery is { } r ? $"{Num(r.Seconds)} s, {E(r.ServedBy)}" : "–")}</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }

    internal static string YesNo(bool? value) => value switch { true => "yes", false => "no", null => "undecided" };
}

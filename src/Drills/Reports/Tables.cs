using System.Globalization;
using System.Text;
using DrillBot.Drills.Running;
using static DrillBot.Drills.Reports.HtmlReport;

namespace DrillBot.Drills.Reports;

/// <summary>The tables of the HTML report: checks, restore (before/during/after), steps.</summary>
internal static class Tables
{
    /// <summary>The lead of the report: "Proved: …" / "Not proved: …", each claim with its checks.</summary>
    public static void Proves(StringBuilder html, DrillReport report)
    {
        html.Append("<section class=\"proves\">");
        foreach (var line in ProofLines.Of(report.Proves))
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"{(line.StartsWith("Proved", StringComparison.Ordinal) ? "ok" : "bad")}\">{E(line)}</p>");
        }

        html.Append("</section>");
    }

    public static void Checks(StringBuilder html, DrillReport report)
    {
        html.Append("<section><h2>Checks</h2><table><thead><tr><th>check</th><th>expected</th><th>actual</th><th>interval</th><th>result</th></tr></thead><tbody>");
        foreach (var c in report.Checks)
        {
            var interval = c.Interval is { } ci ? $"[{ci.Low:0.0000}, {ci.High:0.0000}] at {ci.Confidence * 100:0.##} % ({ci.Hits}/{ci.Samples})" : "–";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(c.Name)}</td><td>{E(c.Expected)}</td><td>{E(c.Actual)}</td><td>{E(interval)}</td><td class=\"{(c.Passed ? "ok" : c.Inconclusive ? "warn" : "bad")}\">{c.Result}</td></tr>");
        }

        if (report.Checks.Count == 0)
        {
            html.Append("<tr><td colspan=\"5\">no check was evaluated (the run stopped before observing)</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }

    public static void Restore(StringBuilder html, DrillReport report)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section><h2>Restore: {E(report.Restore.Status.WireName())}</h2><table><thead><tr><th>object</th><th>step</th><th>before</th><th>during</th><th>after</th><th>result</th></tr></thead><tbody>");
        foreach (var o in report.Restore.Objects)
        {
            var result = o.Verified ? "verified" : o.Ok ? "restored" : "FAILED";
            var notes = string.Join(string.Empty, o.Conflicts.Select(c => $"<div class=\"note\">{E(c)}</div>")) + (o.Error is null ? string.Empty : $"<div class=\"note bad\">{E(o.Error)}</div>");
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(o.Cluster)}: {E(o.Kind)} {E(o.Namespace)}/{E(o.Name)}</td><td>{E(o.Step)}</td><td>{Fields(o.Before)}</td><td>{Fields(o.During)}</td><td>{(o.After is null ? "?" : Fields(o.After))}</td><td class=\"{(o.Ok ? "ok" : "bad")}\">{result}{notes}</td></tr>");
        }

        if (report.Restore.Objects.Count == 0)
        {
            html.Append("<tr><td colspan=\"6\">nothing was changed</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }

    private static string Fields(string json)
    {
        var (prefix, lines) = FieldValues.Describe(json);
        var head = prefix.Length == 0 ? string.Empty : $"<div class=\"note\">{E(prefix)}:</div>";
        return head + string.Join(string.Empty, lines.Select(l => $"<div class=\"fv\"><code>{Breakable(l)}</code></div>"));
    }

    /// <summary>
    /// A <c>field = value</c> line that wraps in a narrow column at the dots of the field path and the
    /// commas of the value, not in the middle of a word.
    /// </summary>
    internal static string Breakable(string line)
    {
        var eq = line.IndexOf(" = ", StringComparison.Ordinal);
        var (field, value) = eq < 0 ? (line, string.Empty) : (line[..eq], line[eq..]);
        return E(field).Replace(".", ".<wbr>", StringComparison.Ordinal) + E(value).Replace(",", ",<wbr>", StringComparison.Ordinal);
    }

    public static void Steps(StringBuilder html, DrillReport report)
    {
        html.Append("<section><h2>Steps</h2><table><thead><tr><th>#</th><th>step</th><th>what</th><th>acknowledged (UTC)</th><th>result</th></tr></thead><tbody>");
        foreach (var s in report.Steps)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{s.Index + 1}</td><td>{E(s.Kind)}{(s.Control ? " <i>(control run: not t0)</i>" : s.Fault ? " <b>(fault, t0)</b>" : string.Empty)}</td><td>{E(s.Description)}</td><td>{Time(s.At)}</td><td class=\"{(s.Ok ? "ok" : "bad")}\">{(s.Ok ? "ok" : E(s.Error ?? "failed"))}</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }
}

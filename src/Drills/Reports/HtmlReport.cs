using System.Globalization;
using System.Net;
using System.Text;
using DrillBot.Drills.Running;

namespace DrillBot.Drills.Reports;

/// <summary>One self-contained HTML5 page (inline CSS and SVG, no scripts, no network fetches).</summary>
public static class HtmlReport
{
    public static string Render(DrillReport report)
    {
        var colours = ClassPalette.For(report);
        var html = new StringBuilder();
        var verdict = report.Verdict.WireName();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>{E(report.Drill)} {verdict} · DrillBot</title><style>{HtmlStyle.Css}</style></head><body>");
        html.Append(CultureInfo.InvariantCulture, $"<header class=\"v-{verdict}\"><div class=\"verdict\">{E(verdict.ToUpperInvariant())}</div><div><h1>{E(report.Drill)}</h1><p>{E(report.Description ?? string.Empty)}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">run {E(report.RunId)} · {E(report.Trigger.Kind.WireName())} by {E(report.Trigger.By)} · {Time(report.StartedAt)} → {Time(report.FinishedAt)} UTC</p>{(report.Trigger.OverrideBlackout is { } o ? $"<p class=\"meta override\">blackout {E(o.Blackout)} overridden by {E(o.By)}: {E(o.Reason)}</p>" : string.Empty)}</div></header><main>");
        Tables.Proves(html, report);
        EntryTables.Control(html, report);
        html.Append("<section class=\"figures\">");
        Figure(html, "recovery", report.Recovery is { } r ? $"{Num(r.Seconds)} s" : "none", report.Recovery is { } r2 ? $"served by {r2.ServedBy}" : "no stable window");
        Figure(html, "restore", report.Restore.Status.WireName(), $"{report.Restore.Objects.Count} objects");
        Figure(html, "failback", report.Restore.FailbackSeconds is { } f ? $"{Num(f)} s" : "–", "steady state again");
        Figure(html, "probes", report.Probes.Total.ToString(CultureInfo.InvariantCulture), $"{report.Probes.Late} late · every {Num(report.Probes.IntervalMs)} ms");
        Figure(html, "latency p50/p95/p99", $"{Num(report.Probes.LatencyMs.P50)} / {Num(report.Probes.LatencyMs.P95)} / {Num(report.Probes.LatencyMs.P99)}", "ms, ok samples");
        html.Append("</section>");
        if (report.Reasons.Count > 0)
        {
            html.Append("<section><h2>Reasons</h2><ul class=\"reasons\">");
            foreach (var reason in report.Reasons)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{E(reason)}</li>");
            }

            html.Append("</ul></section>");
        }

        html.Append("<section><h2>Timeline</h2><div class=\"legend\">");
        foreach (var (cls, colour) in colours.Where(c => report.Probes.ByClass.ContainsKey(c.Key)))
        {
            html.Append(CultureInfo.InvariantCulture, $"<span><i style=\"background:{colour}\"></i>{E(cls)} ({report.Probes.ByClass[cls]})</span>");
        }

        html.Append("</div>").Append(SvgTimeline.Render(report, colours)).Append("</section>");
        EntryTables.PerProbe(html, report);
        Tables.Checks(html, report);
        Tables.Restore(html, report);
        Tables.Steps(html, report);
        html.Append("<footer>DrillBot · times in UTC · recovery = send time of the first sample of the earliest all-ok window served by the expected class − t0 (t0 = API acknowledgement of the fault step)</footer></main></body></html>\n");
        return html.ToString();
    }

    /// <summary>Values longer than this many characters get a smaller font, so that a card keeps them on one line.</summary>
    internal const int LongFigure = 12;

    private static void Figure(StringBuilder html, string label, string value, string note) =>
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"figure\"><div class=\"label\">{E(label)}</div><div class=\"value{(value.Length > LongFigure ? " long" : string.Empty)}\" title=\"{E(value)}\">{E(value)}</div><div class=\"note\">{E(note)}</div></div>");

    internal static string E(string text) => WebUtility.HtmlEncode(text);

    internal static string Time(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) ?? "–";

    internal static string Num(double? v) => v?.ToString("0.###", CultureInfo.InvariantCulture) ?? "–";
}

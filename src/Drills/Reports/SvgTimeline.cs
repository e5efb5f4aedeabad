using System.Globalization;
using System.Net;
using System.Text;

namespace DrillBot.Drills.Reports;

/// <summary>The timeline chart: a band of probe classes over time, latency dots below, and the run's markers.</summary>
internal static class SvgTimeline
{
    private const int Width = 1000;
    private const int Left = 56;
    private const int Right = 16;
    private const int BandTop = 34;
    private const int BandHeight = 26;
    private const int PlotTop = 78;
    private const int PlotHeight = 170;
    private const int Height = PlotTop + PlotHeight + 30;

    public static string Render(DrillReport report, IReadOnlyDictionary<string, string> colours)
    {
        var samples = report.Timeline.Samples;
        var buckets = report.Timeline.Buckets ?? [];
        var last = Math.Max(samples.Count == 0 ? 0 : samples[^1].T, buckets.Count == 0 ? 0 : buckets[^1].T + (report.Timeline.BucketSeconds ?? 0));
        var end = Math.Max(1, Math.Max(last, (report.FinishedAt - report.Timeline.Start).TotalSeconds));
        var okMs = samples.Where(s => s.Ok).Select(s => s.Ms).Concat(buckets.Where(b => b.MsMax is not null).Select(b => b.MsMax!.Value)).Order().ToList();
        var maxMs = Math.Max(1, okMs.Count == 0 ? samples.Select(s => s.Ms).DefaultIfEmpty(1).Max() : okMs[(int)Math.Min(okMs.Count - 1, Math.Ceiling(okMs.Count * 0.995))] * 1.2);
        double X(double t) => Left + ((Width - Left - Right) * t / end);
        double Y(double ms) => PlotTop + PlotHeight - (PlotHeight * Math.Min(ms, maxMs) / maxMs);
        var w = Math.Max(1.0, (Width - Left - Right) * (report.Probes.IntervalMs / 1000.0) / end);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"probe timeline\" class=\"timeline\">");
        // one band per probe (a drill with probes:), top to bottom in the drill's order
        var bands = samples.Select(s => s.Probe).Distinct().ToList();
        var bandHeight = (double)BandHeight / Math.Max(1, bands.Count);
        var names = bands.Count > 1 ? $"; bands top to bottom: {string.Join(", ", bands)}" : string.Empty;
        var caption = buckets.Count == 0 ? $"probe class per sample ({samples.Count} samples{names})"
            : string.Create(CultureInfo.InvariantCulture, $"probe classes per {report.Timeline.BucketSeconds:0.###} s ({report.Timeline.SampleCount} samples; latency: median and largest per {report.Timeline.BucketSeconds:0.###} s)");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{BandTop - 8}\" class=\"axis\">{WebUtility.HtmlEncode(caption)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{BandTop}\" width=\"{Width - Left - Right}\" height=\"{BandHeight}\" fill=\"#f1f5f9\"/>");
        foreach (var s in samples)
        {
            var top = BandTop + (bands.IndexOf(s.Probe) * bandHeight);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{X(s.T):0.##}\" y=\"{top:0.##}\" width=\"{w:0.##}\" height=\"{bandHeight:0.##}\" fill=\"{colours.GetValueOrDefault(s.Class, "#94a3b8")}\"/>");
        }

        BucketTimeline.Render(svg, buckets, report.Timeline.BucketSeconds ?? 1, colours, new BucketTimeline.Scale(X, Y, BandTop, BandHeight));
        for (var i = 0; i <= 4; i++)
        {
            var ms = maxMs * i / 4;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(ms):0.#}\" y2=\"{Y(ms):0.#}\" class=\"grid\"/><text x=\"{Left - 6}\" y=\"{Y(ms) + 4:0.#}\" class=\"axis\" text-anchor=\"end\">{ms:0.#}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"12\" y=\"{PlotTop + (PlotHeight / 2)}\" class=\"axis\" transform=\"rotate(-90 12 {PlotTop + (PlotHeight / 2)})\" text-anchor=\"middle\">latency ms</text>");
        foreach (var s in samples)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(s.T):0.##}\" cy=\"{Y(s.Ms):0.##}\" r=\"{(s.Ok ? 1.6 : 2.4)}\" fill=\"{colours.GetValueOrDefault(s.Class, "#94a3b8")}\"{(s.Late ? " stroke=\"#000\" stroke-width=\"0.8\"" : string.Empty)}/>");
        }

        var step = Math.Max(1, Math.Ceiling(end / 10));
        for (var t = 0.0; t <= end; t += step)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(t):0.#}\" y=\"{Height - 8}\" class=\"axis\" text-anchor=\"middle\">{t:0}s</text>");
        }

        var labelRow = 0;
        foreach (var m in report.Markers.Where(m => m.Kind is not ("steady-state" or "step" or "observe-end")))
        {
            var x = X((m.At - report.Timeline.Start).TotalSeconds);
            var colour = ClassPalette.Marker(m.Kind);
            var y = BandTop + BandHeight + 12 + (labelRow++ % 3 * 11);
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"marker\"><title>{WebUtility.HtmlEncode(m.Label)}</title><line x1=\"{x:0.##}\" x2=\"{x:0.##}\" y1=\"{BandTop - 4}\" y2=\"{PlotTop + PlotHeight}\" stroke=\"{colour}\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>");
            var nearRight = x > Width - Right - 90;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(nearRight ? x - 3 : x + 3):0.##}\" y=\"{y}\" fill=\"{colour}\" class=\"mlabel\"{(nearRight ? " text-anchor=\"end\"" : string.Empty)}>{WebUtility.HtmlEncode(m.Kind)}</text></g>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }
}

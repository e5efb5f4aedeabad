using System.Globalization;
using System.Text;

namespace DrillBot.Bench.RecoveryAccuracy;

/// <summary>
/// SVG plot of |measured − true| per run and method on a log scale (filled marker: measured late, hollow: early),
/// with the bar (one DrillBot probe interval) as a dashed line.
/// </summary>
internal static class ErrorPlot
{
    private const double Width = 760, Height = 380, Left = 80, Right = 190, Top = 40, Bottom = 50;

    private static readonly Dictionary<string, string> Colors = new(StringComparer.Ordinal)
    {
        [Methods.DrillBot] = "#1f77b4",
        [Methods.Blackbox] = "#d62728",
        [Methods.Loop] = "#2ca02c",
    };

    public static string Render(IReadOnlyList<RunResult> runs, double intervalMs)
    {
        var errors = runs.SelectMany(r => r.Methods).Where(m => m.ErrorMs is not null).Select(m => Math.Abs(m.ErrorMs!.Value)).ToList();
        var lo = Math.Min(-1, Math.Floor(Math.Log10(Math.Max(0.01, errors.DefaultIfEmpty(1).Min()))));
        var hi = Math.Max(3, Math.Ceiling(Math.Log10(Math.Max(1, errors.DefaultIfEmpty(1).Max()))));
        double X(int run) => Left + ((run - 0.5) / runs.Count * (Width - Left - Right));
        double Y(double ms) => Top + ((hi - Math.Log10(Math.Max(Math.Pow(10, lo), ms))) / (hi - lo) * (Height - Top - Bottom));

        var svg = new StringBuilder();
        svg.AppendLine(I($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">"));
        svg.AppendLine(I($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>"));
        svg.AppendLine(I($"<text x=\"{Left}\" y=\"22\" font-size=\"14\" font-weight=\"bold\">Recovery-time error per run: |measured − true| (log scale)</text>"));
        for (var d = lo; d <= hi; d++)
        {
            var y = Y(Math.Pow(10, d));
            svg.AppendLine(I($"<line x1=\"{Left}\" y1=\"{y:0.0}\" x2=\"{Width - Right}\" y2=\"{y:0.0}\" stroke=\"#ddd\"/>"));
            svg.AppendLine(I($"<text x=\"{Left - 6}\" y=\"{y + 4:0.0}\" text-anchor=\"end\">{Label(Math.Pow(10, d))}</text>"));
        }

        var bar = Y(intervalMs);
        svg.AppendLine(I($"<line x1=\"{Left}\" y1=\"{bar:0.0}\" x2=\"{Width - Right}\" y2=\"{bar:0.0}\" stroke=\"#1f77b4\" stroke-dasharray=\"6,4\"/>"));
        svg.AppendLine(I($"<text x=\"{Width - Right - 4}\" y=\"{bar - 5:0.0}\" text-anchor=\"end\" fill=\"#1f77b4\">bar for DrillBot: one probe interval ({intervalMs:0} ms)</text>"));
        foreach (var r in runs)
        {
            svg.AppendLine(I($"<text x=\"{X(r.Run):0.0}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\">{r.Run}</text>"));
        }

        svg.AppendLine(I($"<text x=\"{(Left + Width - Right) / 2:0.0}\" y=\"{Height - 12}\" text-anchor=\"middle\">run</text>"));
        svg.AppendLine(I($"<text x=\"18\" y=\"{(Top + Height - Bottom) / 2:0.0}\" text-anchor=\"middle\" transform=\"rotate(-90 18 {(Top + Height - Bottom) / 2:0.0})\">|error|</text>"));
        var legend = 0;
        foreach (var method in Methods.All)
        {
            var color = Colors[method];
            var points = runs.Select(r => (r.Run, r.Of(method).ErrorMs)).Where(p => p.ErrorMs is not null).ToList();
            svg.AppendLine($"<polyline fill=\"none\" stroke=\"{color}\" stroke-opacity=\"0.5\" points=\"{string.Join(' ', points.Select(p => I($"{X(p.Run):0.0},{Y(Math.Abs(p.ErrorMs!.Value)):0.0}")))}\"/>");
            foreach (var (run, error) in points)
            {
                var fill = error >= 0 ? color : "white";
                svg.AppendLine(I($"<circle cx=\"{X(run):0.0}\" cy=\"{Y(Math.Abs(error!.Value)):0.0}\" r=\"4.5\" fill=\"{fill}\" stroke=\"{color}\" stroke-width=\"2\"><title>run {run} {Methods.Short(method)}: {error:+0.0;-0.0} ms</title></circle>"));
            }

            var ly = Top + 10 + (legend++ * 20);
            svg.AppendLine(I($"<circle cx=\"{Width - Right + 14}\" cy=\"{ly}\" r=\"4.5\" fill=\"{color}\" stroke=\"{color}\" stroke-width=\"2\"/>"));
            var missing = runs.Count - points.Count;
            svg.AppendLine(I($"<text x=\"{Width - Right + 24}\" y=\"{ly + 4}\">{Methods.Short(method)}{(missing > 0 ? $" ({missing} none)" : "")}</text>"));
        }

        svg.AppendLine(I($"<text x=\"{Width - Right + 6}\" y=\"{Top + 80}\" fill=\"#555\">filled: measured late</text>"));
        svg.AppendLine(I($"<text x=\"{Width - Right + 6}\" y=\"{Top + 96}\" fill=\"#555\">hollow: measured early</text>"));
        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    private static string Label(double ms) => ms >= 1000 ? I($"{ms / 1000:0.###} s") : I($"{ms:0.###} ms");

    private static string I(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

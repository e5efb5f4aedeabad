using System.Globalization;
using System.Text;

namespace DrillBot.Drills.Reports;

/// <summary>
/// The timeline chart of a long run, drawn from its buckets: per bucket a column in the class band split by the share
/// of each class (ok classes first), and below a line from the median to the largest latency of its ok samples with a
/// dot at the median (outlined when a sample in it was late).
/// </summary>
internal static class BucketTimeline
{
    public sealed record Scale(Func<double, double> X, Func<double, double> Y, int BandTop, int BandHeight);

    public static void Render(StringBuilder svg, IReadOnlyList<TimelineBucket> buckets, double width, IReadOnlyDictionary<string, string> colours, Scale scale)
    {
        foreach (var b in buckets)
        {
            var x = scale.X(b.T);
            var w = Math.Max(1.0, scale.X(b.T + width) - x);
            var y = (double)scale.BandTop;
            foreach (var (cls, n) in b.Ok.OrderBy(kv => kv.Key, StringComparer.Ordinal).Concat(b.NotOk.OrderBy(kv => kv.Key, StringComparer.Ordinal)))
            {
                var h = scale.BandHeight * n / (double)Math.Max(1, b.Count);
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.##}\" y=\"{y:0.##}\" width=\"{w:0.##}\" height=\"{h:0.##}\" fill=\"{Colour(colours, cls)}\"/>");
                y += h;
            }

            if (b.MsP50 is { } p50 && b.MsMax is { } max)
            {
                var cx = x + (w / 2);
                var colour = Colour(colours, b.Ok.OrderByDescending(kv => kv.Value).First().Key);
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{cx:0.##}\" x2=\"{cx:0.##}\" y1=\"{scale.Y(p50):0.##}\" y2=\"{scale.Y(max):0.##}\" stroke=\"{colour}\" stroke-width=\"0.8\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{cx:0.##}\" cy=\"{scale.Y(p50):0.##}\" r=\"1.6\" fill=\"{colour}\"{(b.Late > 0 ? " stroke=\"#000\" stroke-width=\"0.8\"" : string.Empty)}/>");
            }
        }
    }

    private static string Colour(IReadOnlyDictionary<string, string> colours, string cls) => colours.GetValueOrDefault(cls, "#94a3b8");
}

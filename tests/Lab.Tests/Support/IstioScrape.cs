using System.Globalization;
using System.Text.RegularExpressions;

namespace DrillBot.Lab.Tests;

/// <summary>One sample of the Lab's exposition: metric name, labels, value.</summary>
internal sealed record IstioSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    public string this[string label] => Labels[label];
}

/// <summary>Scrapes the Lab's <c>/stats/prometheus</c> and parses the text format (enough of it for the Lab's output).</summary>
internal static partial class IstioScrape
{
    public static async Task<(string Text, List<IstioSample> Samples)> ScrapeAsync(TestLab lab)
    {
        var text = await lab.Http.GetStringAsync(lab.Host.MetricsUrl);
        return (text, Parse(text));
    }

    public static List<IstioSample> Parse(string text) =>
        text.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(ParseLine).ToList();

    /// <summary>The <c>istio_requests_total</c> samples matching every given label value.</summary>
    public static IEnumerable<IstioSample> Requests(this IEnumerable<IstioSample> samples, params (string Label, string Value)[] match) =>
        samples.Where(s => s.Name == "istio_requests_total" && match.All(m => s.Labels.TryGetValue(m.Label, out var v) && v == m.Value));

    public static double Sum(this IEnumerable<IstioSample> samples) => samples.Sum(s => s.Value);

    private static IstioSample ParseLine(string line)
    {
        var brace = line.IndexOf('{', StringComparison.Ordinal);
        var close = line.LastIndexOf('}');
        var labels = Label().Matches(line[(brace + 1)..close]).ToDictionary(m => m.Groups[1].Value, m => Regex.Unescape(m.Groups[2].Value));
        return new IstioSample(line[..brace], labels, double.Parse(line[(close + 1)..].Trim(), CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"(\w+)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();
}

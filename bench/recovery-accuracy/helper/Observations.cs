using System.Globalization;
using System.Text.Json.Nodes;
using DrillBot.Drills.Probing;

namespace DrillBot.Bench.RecoveryAccuracy;

/// <summary>
/// The other methods' observations as <see cref="ProbeSample"/>s, so the drill's own recovery-window rule
/// (<see cref="DrillBot.Drills.Analysis.SampleWindows.EarliestAllGoodWindow"/>) can judge them. An observation
/// "shows cn-shanghai" when the page had the failover marker (<c>full stars</c>).
/// </summary>
internal static class Observations
{
    public const string Shanghai = "cn-shanghai";

    /// <summary>The curl loop: "epoch count" per request, the epoch taken just before curl was started.</summary>
    public static IReadOnlyList<ProbeSample> Loop(IEnumerable<string> lines)
    {
        var samples = new List<ProbeSample>();
        foreach (var f in lines.Select(l => l.Split(' ')))
        {
            if (f.Length == 2 && int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                samples.Add(Sample(samples.Count, Epoch.Parse(f[0]), count > 0));
            }
        }

        return samples;
    }

    /// <summary>blackbox_exporter: the raw <c>probe_success</c> samples (stamped with the scrape's start) from a Prometheus range-selector query.</summary>
    public static IReadOnlyList<ProbeSample> Blackbox(JsonNode answer)
    {
        if (answer["status"]?.GetValue<string>() != "success")
        {
            throw new InvalidDataException($"Prometheus query failed: {answer.ToJsonString()}");
        }

        var samples = new List<ProbeSample>();
        foreach (var series in answer["data"]!["result"]!.AsArray())
        {
            foreach (var v in series!["values"]!.AsArray())
            {
                var at = Epoch.FromSeconds(v![0]!.GetValue<double>());
                samples.Add(Sample(samples.Count, at, v[1]!.GetValue<string>() == "1"));
            }
        }

        return samples.OrderBy(s => s.SentAt).ToList();
    }

    /// <summary>Median spacing between consecutive observations: the method's time resolution.</summary>
    public static double MedianPeriodMs(IReadOnlyList<ProbeSample> sorted) =>
        Stats.Median(sorted.Zip(sorted.Skip(1), (a, b) => (b.SentAt - a.SentAt).TotalMilliseconds).ToList()) ?? double.NaN;

    private static ProbeSample Sample(int sequence, DateTimeOffset at, bool shanghai) =>
        new(sequence, at, at, TimeSpan.Zero, null, null, shanghai ? Shanghai : "other", shanghai, false);
}

using System.Globalization;

namespace DrillBot.Bench;

/// <summary>
/// The issue's table, side by side in one run against one URL: CPU per 1,000 requests of DrillBot's prober and of
/// <c>hey -q RATE -c 1</c> at each rate, alternating (prober, hey, prober, hey, …) REPEATS times so both see the same
/// machine, then <c>wrk -t1 -c1</c> (saturating, for scale) and the runbook's curl loop once. Prints every repeat and the
/// medians, and the ratio prober / hey per repeat (a ratio measured side by side is robust on a noisy machine; the
/// absolute figures are not).
/// </summary>
internal static class ClientsBench
{
    public static async Task<int> RunAsync(Uri url, TimeSpan duration, int repeats, IReadOnlyList<int> rates, string loopScript)
    {
        await ProberRun.WarmUpAsync(url);
        var ratios = rates.ToDictionary(r => r, _ => new List<double>());
        var prober = rates.ToDictionary(r => r, _ => new List<double>());
        var hey = rates.ToDictionary(r => r, _ => new List<double>());
        Console.WriteLine("| repeat | rate | DrillBot prober: samples, CPU ms per 1,000 | hey -q N -c 1: requests, CPU ms per 1,000 | prober / hey | load (1 min) |");
        Console.WriteLine("|---|---|---|---|---|---|");
        for (var i = 1; i <= repeats; i++)
        {
            foreach (var rate in rates)
            {
                var p = await ProberRun.MeasureAsync(url, rate, duration);
                var h = ExternalClient.Hey(url, duration, rate);
                prober[rate].Add(p.CpuMsPerThousand);
                hey[rate].Add(h.CpuMsPerThousand);
                ratios[rate].Add(p.CpuMsPerThousand / h.CpuMsPerThousand);
                Console.WriteLine(I($"| {i} | {rate}/s | {p.Samples.Count}, {p.CpuMsPerThousand:0} | {h.Requests}, {h.CpuMsPerThousand:0} | {p.CpuMsPerThousand / h.CpuMsPerThousand:0.00} | {Load()} |"));
            }
        }

        var wrk = ExternalClient.Wrk(url, duration);
        var loop = ExternalClient.CurlLoop(url, duration, loopScript);
        Console.WriteLine();
        Console.WriteLine(I($"| client | {string.Join(" | ", rates.Select(r => $"CPU ms per 1,000 requests at {r}/s"))} |"));
        Console.WriteLine($"|---|{string.Concat(rates.Select(_ => "---|"))}");
        Console.WriteLine(I($"| DrillBot's probe (bench/probe, median of {repeats}) | {string.Join(" | ", rates.Select(r => $"**{Median(prober[r]):0}**"))} |"));
        Console.WriteLine(I($"| `hey -q N -c 1` (median of {repeats}) | {string.Join(" | ", rates.Select(r => $"{Median(hey[r]):0}"))} |"));
        Console.WriteLine(I($"| DrillBot / hey, median of the {repeats} side-by-side ratios (worst) | {string.Join(" | ", rates.Select(r => $"**{Median(ratios[r]):0.00}** ({ratios[r].Max():0.00})"))} |"));
        Console.WriteLine(I($"| `wrk -t1 -c1` (saturating: {wrk.Rate:0}/s, for scale only) | {wrk.CpuMsPerThousand:0} | {string.Concat(rates.Skip(1).Select(_ => "— |"))}"));
        Console.WriteLine(I($"| the runbook's curl loop ({loop.Rate:0.0}/s, as fast as it goes) | {loop.CpuMsPerThousand:0} | {string.Concat(rates.Skip(1).Select(_ => "— |"))}"));
        return ratios.Values.All(r => Median(r) <= 1) ? 0 : 1;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static string I(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

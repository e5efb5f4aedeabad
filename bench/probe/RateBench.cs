using System.Globalization;

namespace DrillBot.Bench;

/// <summary>Runs the real prober at fixed rates against a URL and reports rate, send-time jitter, late samples, CPU and where it went.</summary>
internal static class RateBench
{
    public static async Task<int> RunAsync(Uri url, TimeSpan duration, IReadOnlyList<int> rates)
    {
        Console.WriteLine("| target/s | samples | achieved/s | deviation | jitter p50 | jitter p99 | jitter max | late | non-ok | CPU ms per 1,000 samples | bytes allocated per sample | thread-pool work items per sample | context switches per sample | gen0 GCs |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        var failed = false;
        await ProberRun.WarmUpAsync(url);
        foreach (var rate in rates)
        {
            var run = await ProberRun.MeasureAsync(url, rate, duration);
            var list = run.Samples;
            var span = (list[^1].ScheduledAt - list[0].ScheduledAt) + run.Interval;
            var achieved = list.Count / span.TotalSeconds;
            var jitter = run.JitterMs();
            var deviation = (achieved - rate) / rate;
            failed |= Math.Abs(deviation) > 0.01 || ProberRun.Percentile(jitter, 0.99) >= 5;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {rate} | {list.Count} | {achieved:0.00} | {deviation:+0.00%;-0.00%;0.00%} | {ProberRun.Percentile(jitter, 0.5):0.00} ms | {ProberRun.Percentile(jitter, 0.99):0.00} ms | {jitter[^1]:0.00} ms | {list.Count(s => s.Late)} | {list.Count(s => !s.Ok)} | {run.CpuMsPerThousand:0} | {run.PerSample(run.Spent.Allocated):0} | {run.PerSample(run.Spent.WorkItems):0.0} | {run.PerSample(run.Spent.ContextSwitches):0.0} | {run.Spent.Gen0} |"));
        }

        return failed ? 1 : 0;
    }
}

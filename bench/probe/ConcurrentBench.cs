using System.Collections.Concurrent;
using System.Globalization;
using DrillBot.Drills.Probing;

namespace DrillBot.Bench;

/// <summary>
/// Several drills probing at once in one process (as <c>drillbot serve</c> runs drills for many teams): N probers, each
/// with its own transport as each run has, at the same rate against the same URL, started together. Reports late
/// samples over all of them, send-time jitter and the process's CPU per sample.
/// </summary>
internal static class ConcurrentBench
{
    public static async Task<int> RunAsync(Uri url, TimeSpan duration, int probers, int rate)
    {
        await ProberRun.WarmUpAsync(url);
        var probe = ProberRun.Probe(url, rate);
        var transports = Enumerable.Range(0, probers).Select(_ => new HttpProbeTransport(probe.MaxInFlight, TimeProvider.System)).ToList();
        foreach (var t in transports)
        {
            t.Send(url, probe.Timeout); // each opens its connection before the clock starts
        }

        var samples = transports.Select(_ => new ConcurrentQueue<ProbeSample>()).ToList();
        var before = ProcessCounters.Read();
        using var stop = new CancellationTokenSource(duration);
        await Task.WhenAll(transports.Select((t, i) => new ProbeRunner(probe, t, TimeProvider.System).RunAsync(samples[i].Enqueue, stop.Token)));
        var spent = ProcessCounters.Read() - before;
        transports.ForEach(t => t.Dispose());

        var all = samples.SelectMany(q => q).ToList();
        var jitter = all.Select(s => (s.SentAt - s.ScheduledAt).TotalMilliseconds).Order().ToList();
        var late = all.Count(s => s.Late);
        var perProber = samples.Select(q => q.Count(s => s.Late) / (double)Math.Max(1, q.Count)).ToList();
        Console.WriteLine("| probers × rate | samples | late | late % (worst prober) | jitter p50 | jitter p99 | jitter max | non-ok | CPU ms per 1,000 samples | CPU, % of one core |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {probers} × {rate}/s | {all.Count} | {late} | {late / (double)Math.Max(1, all.Count):0.00%} ({perProber.Max():0.00%}) | {ProberRun.Percentile(jitter, 0.5):0.00} ms | {ProberRun.Percentile(jitter, 0.99):0.00} ms | {jitter[^1]:0.00} ms | {all.Count(s => !s.Ok)} | {spent.Cpu.TotalMilliseconds / Math.Max(1, all.Count) * 1000:0} | {spent.Cpu.TotalSeconds / duration.TotalSeconds * 100:0.0} |"));
        return late <= all.Count / 100 ? 0 : 1;
    }
}

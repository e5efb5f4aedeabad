using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Probing;

namespace DrillBot.Bench;

/// <summary>Runs the real prober at fixed rates against a URL and reports rate, send-time jitter, late samples and CPU.</summary>
internal static class RateBench
{
    public static async Task<int> RunAsync(Uri url, TimeSpan duration, IReadOnlyList<int> rates)
    {
        Console.WriteLine("| target/s | samples | achieved/s | deviation | jitter p50 | jitter p99 | jitter max | late | non-ok | CPU ms per 1,000 samples |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        var failed = false;
        await WarmUpRunAsync(url);
        foreach (var rate in rates)
        {
            var interval = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / rate);
            var probe = new ProbeDefinition(url, interval, TimeSpan.FromSeconds(2), [new ClassifyRule("ok", 200, null, null, true)], 64);
            using var transport = new HttpProbeTransport(64, TimeProvider.System);
            await WarmUpAsync(probe, transport);
            var samples = new ConcurrentQueue<ProbeSample>();
            var runner = new ProbeRunner(probe, transport, TimeProvider.System);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            using var stop = new CancellationTokenSource(duration);
            await runner.RunAsync(samples.Enqueue, stop.Token);
            var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var list = samples.OrderBy(s => s.Sequence).ToList();
            var span = (list[^1].ScheduledAt - list[0].ScheduledAt) + interval;
            var achieved = list.Count / span.TotalSeconds;
            var jitter = list.Select(s => (s.SentAt - s.ScheduledAt).TotalMilliseconds).Order().ToList();
            var deviation = (achieved - rate) / rate;
            failed |= Math.Abs(deviation) > 0.01 || P(jitter, 0.99) >= 5;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {rate} | {list.Count} | {achieved:0.00} | {deviation:+0.00%;-0.00%} | {P(jitter, 0.5):0.00} ms | {P(jitter, 0.99):0.00} ms | {jitter[^1]:0.00} ms | {list.Count(s => s.Late)} | {list.Count(s => !s.Ok)} | {used.TotalMilliseconds / list.Count * 1000:0} |"));
        }

        return failed ? 1 : 0;
    }

    /// <summary>5 s of probing at 200/s first, so tiered JIT compilation is over before anything is measured.</summary>
    private static async Task WarmUpRunAsync(Uri url)
    {
        var probe = new ProbeDefinition(url, TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(2), [new ClassifyRule("ok", 200, null, null, true)], 64);
        using var transport = new HttpProbeTransport(64, TimeProvider.System);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await new ProbeRunner(probe, transport, TimeProvider.System).RunAsync(_ => { }, stop.Token);
    }

    private static async Task WarmUpAsync(ProbeDefinition probe, IProbeTransport transport)
    {
        for (var i = 0; i < 50; i++)
        {
            await transport.SendAsync(probe.Url, probe.Timeout, CancellationToken.None);
        }
    }

    private static double P(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

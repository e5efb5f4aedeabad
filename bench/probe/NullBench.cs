using System.Collections.Concurrent;
using System.Diagnostics;
using DrillBot.Drills.Probing;
namespace DrillBot.Bench;
internal static class NullBench
{
    private sealed class Null : IBlockingProbeTransport
    {
        public ProbeResponse Send(Uri url, TimeSpan timeout) => new(200, "x", null);
        public Task<ProbeResponse> SendAsync(Uri url, TimeSpan timeout, CancellationToken ct) => Task.FromResult(Send(url, timeout));
    }
    public static async Task<int> RunAsync(Uri url, int rate)
    {
        // pure wake-ups of one thread
        for (var round = 0; round < 2; round++)
        {
            var t = new Thread(() =>
            {
                using var e = new ManualResetEventSlim(false, 0);
                var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                for (var i = 0; i < 500; i++) e.Wait(10);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
                Console.WriteLine($"one thread, 500 timed waits of 10 ms: {cpu.TotalMilliseconds / 500 * 1000:0} µs CPU per wake-up");
            });
            t.Start(); t.Join();
        }
        foreach (var (name, tr) in new (string, IBlockingProbeTransport)[] { ("null", new Null()), ("null", new Null()), ("http", new HttpProbeTransport(64, TimeProvider.System)), ("http", new HttpProbeTransport(64, TimeProvider.System)) })
        {
            for (var i = 0; i < 20; i++) tr.Send(url, TimeSpan.FromSeconds(2));
            var probe = ProberRun.Probe(url, rate);
            var samples = new ConcurrentQueue<ProbeSample>();
            var before = ProcessCounters.Read();
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await new ProbeRunner(probe, tr, TimeProvider.System).RunAsync(samples.Enqueue, stop.Token);
            var d = ProcessCounters.Read() - before;
            Console.WriteLine($"{name}: {samples.Count} samples cpu/1000 {d.Cpu.TotalMilliseconds / samples.Count * 1000:0} items/sample {d.WorkItems / (double)samples.Count:0.00}");
        }
        return 0;
    }
}

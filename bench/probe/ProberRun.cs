using System.Collections.Concurrent;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Probing;

namespace DrillBot.Bench;

/// <summary>
/// One measured stretch of the real prober (<see cref="ProbeRunner"/> over <see cref="HttpProbeTransport"/>, the
/// bundled drill's classification rules) at a fixed rate: the samples and what the process spent meanwhile.
/// </summary>
internal sealed record ProberRun(int Rate, TimeSpan Interval, IReadOnlyList<ProbeSample> Samples, ProcessCounters Spent)
{
    /// <summary>The classification of drills.yaml's reviews-failover (body regex, body text, status), so the cost includes it.</summary>
    public static IReadOnlyList<ClassifyRule> Rules { get; } =
    [
        new("cn-shanghai", null, null, new System.Text.RegularExpressions.Regex("full stars|text-black-500|reviews-v2"), true),
        new("degraded", null, "product reviews are currently unavailable", null, false),
        new("cn-hangzhou", 200, null, null, true),
    ];

    public static ProbeDefinition Probe(Uri url, int rate) =>
        new(url, TimeSpan.FromTicks(TimeSpan.TicksPerSecond / rate), TimeSpan.FromSeconds(2), Rules, 64);

    public static async Task<ProberRun> MeasureAsync(Uri url, int rate, TimeSpan duration)
    {
        var probe = Probe(url, rate);
        using var transport = new HttpProbeTransport(probe.MaxInFlight, TimeProvider.System);
        for (var i = 0; i < 20; i++)
        {
            transport.Send(url, probe.Timeout); // the connection is open before the clock starts (blocking, as the prober sends)
        }

        var samples = new ConcurrentQueue<ProbeSample>();
        var runner = new ProbeRunner(probe, transport, TimeProvider.System);
        var before = ProcessCounters.Read();
        using var stop = new CancellationTokenSource(duration);
        await runner.RunAsync(samples.Enqueue, stop.Token);
        var spent = ProcessCounters.Read() - before;
        return new ProberRun(rate, probe.Interval, [.. samples.OrderBy(s => s.Sequence)], spent);
    }

    /// <summary>5 s of probing at 200/s first, so tiered JIT compilation is over before anything is measured.</summary>
    public static Task WarmUpAsync(Uri url) => MeasureAsync(url, 200, TimeSpan.FromSeconds(5));

    public double CpuMsPerThousand => Spent.Cpu.TotalMilliseconds / Math.Max(1, Samples.Count) * 1000;

    public double PerSample(long value) => value / (double)Math.Max(1, Samples.Count);

    /// <summary>Send time − scheduled slot, in ms, sorted.</summary>
    public List<double> JitterMs() => Samples.Select(s => (s.SentAt - s.ScheduledAt).TotalMilliseconds).Order().ToList();

    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

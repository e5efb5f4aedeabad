using System.Collections.Concurrent;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Probing;

namespace DrillBot.Drills.Tests.Probing;

/// <summary>
/// The prober on the system clock with a transport that sends blocking (as the HTTP one does): what runs where and in
/// what order, never how fast (bounds are loose: a loaded machine only makes these slower, not wrong).
/// </summary>
public sealed class BlockingProbeRunnerTests
{
    private sealed class BlockingTransport(Func<long, TimeSpan> latency) : IBlockingProbeTransport
    {
        private long _calls;
        private int _inFlight;

        public ConcurrentBag<string?> Threads { get; } = [];

        public int MaxInFlight;

        public ProbeResponse Send(Uri url, TimeSpan timeout)
        {
            var n = Interlocked.Increment(ref _calls) - 1;
            var now = Interlocked.Increment(ref _inFlight);
            InterlockedMax(ref MaxInFlight, now);
            Threads.Add(Thread.CurrentThread.IsThreadPoolThread ? "thread pool" : Thread.CurrentThread.Name);
            Thread.Sleep(latency(n));
            Interlocked.Decrement(ref _inFlight);
            return new ProbeResponse(200, n % 2 == 0 ? "full stars" : "plain", null);
        }

        public Task<ProbeResponse> SendAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the prober must use the blocking path of a blocking transport");

        private static void InterlockedMax(ref int target, int value)
        {
            int current;
            while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
            {
            }
        }
    }

    private static ProbeDefinition Probe(int maxInFlight = 8) =>
        new(new Uri("http://127.0.0.1:1/productpage"), TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(2),
            [new ClassifyRule("cn-shanghai", null, "full stars", null, true), new ClassifyRule("cn-hangzhou", 200, null, null, true)], maxInFlight);

    private static async Task<List<ProbeSample>> Run(ProbeRunner runner, TimeSpan duration)
    {
        var samples = new ConcurrentQueue<ProbeSample>();
        using var stop = new CancellationTokenSource(duration);
        await runner.RunAsync(samples.Enqueue, stop.Token).WaitAsync(TimeSpan.FromSeconds(30));
        return [.. samples.OrderBy(s => s.Sequence)];
    }

    [Test]
    public async Task RunAsync_SystemClock_SendsOnSenderThreadsNeverThePool_EverySequenceOnce()
    {
        var transport = new BlockingTransport(_ => TimeSpan.Zero);
        var runner = new ProbeRunner(Probe(), transport, TimeProvider.System);

        var samples = await Run(runner, TimeSpan.FromMilliseconds(300));

        Assert.That(samples, Is.Not.Empty);
        Assert.That(samples.Select(s => s.Sequence), Is.EqualTo(Enumerable.Range(0, samples.Count).Select(i => (long)i)), "no sequence skipped or repeated");
        Assert.That(runner.Sent, Is.EqualTo(samples.Count), "every request sent was answered before RunAsync ended");
        Assert.That(transport.Threads.Distinct(), Is.EqualTo(new[] { "drillbot-probe-send" }));
        Assert.That(samples.Select(s => s.SentAt), Is.Ordered);
        // the slot is measured on the monotonic clock and both stamps are read from the wall clock, which NTP may slew a
        // little against it (a freshly booted CI machine does): "before its slot" means by more than that
        var slew = TimeSpan.FromMilliseconds(2);
        Assert.That(samples.Where(s => s.SentAt < s.ScheduledAt - slew).Select(s => s.Sequence), Is.Empty, "never sent before its slot");
        // the transport answers by call order, and with overlapping senders call order may differ from sequence order
        // (two senders stamp in order, the later one reaches the socket first): the classes' counts, not their places
        Assert.That(samples.Count(s => s.Class == "cn-shanghai"), Is.EqualTo((samples.Count + 1) / 2));
        Assert.That(samples.Count(s => s.Class == "cn-hangzhou"), Is.EqualTo(samples.Count / 2));
    }

    [Test]
    public async Task RunAsync_SlowBlockingAnswer_OtherSamplesStillSentMeanwhile()
    {
        // the second request blocks for 400 ms: the schedule must not wait for it
        var transport = new BlockingTransport(n => n == 1 ? TimeSpan.FromMilliseconds(400) : TimeSpan.Zero);
        var runner = new ProbeRunner(Probe(), transport, TimeProvider.System);

        var samples = await Run(runner, TimeSpan.FromMilliseconds(500));

        var slow = samples.Single(s => s.Sequence == 1);
        Assert.That(slow.Duration, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(400)));
        Assert.That(samples.Count(s => s.SentAt > slow.SentAt && s.SentAt < slow.SentAt + slow.Duration), Is.GreaterThan(0), "sent while the slow one was in flight");
        Assert.That(transport.MaxInFlight, Is.GreaterThanOrEqualTo(2));
    }

    [Test]
    public async Task RunAsync_SampleHandlerThrows_RunFaultsAfterTheRequestsInFlightEnd()
    {
        var transport = new BlockingTransport(_ => TimeSpan.Zero);
        var runner = new ProbeRunner(Probe(), transport, TimeProvider.System);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var run = runner.RunAsync(s => throw new InvalidOperationException($"sink broke at {s.Sequence}"), stop.Token);

        Assert.That(async () => await run.WaitAsync(TimeSpan.FromSeconds(30)), Throws.InstanceOf<InvalidOperationException>().With.Message.StartsWith("sink broke"));
    }
}

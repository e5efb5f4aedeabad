using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Probing;
using Microsoft.Extensions.Time.Testing;

namespace DrillBot.Drills.Tests.Probing;

public sealed class ProbeRunnerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private static ProbeDefinition Probe(int maxInFlight = 8, TimeSpan? timeout = null) =>
        new(new Uri("http://127.0.0.1:1/productpage"), Interval, timeout ?? TimeSpan.FromSeconds(2),
            [new ClassifyRule("cn-shanghai", null, null, new Regex("full stars"), true), new ClassifyRule("cn-hangzhou", 200, null, null, true)], maxInFlight);

    /// <summary>Advances fake time in 10 ms steps, letting the prober's continuations run after each step.</summary>
    private static async Task<List<ProbeSample>> RunFor(FakeTimeProvider time, ProbeRunner runner, TimeSpan duration, TimeSpan drain)
    {
        var samples = new ConcurrentQueue<ProbeSample>();
        using var stop = new CancellationTokenSource();
        var run = runner.RunAsync(samples.Enqueue, stop.Token);
        var step = TimeSpan.FromMilliseconds(10);
        for (var t = TimeSpan.Zero; t < duration; t += step)
        {
            await Settle(runner, samples);
            time.Advance(step);
        }

        await Settle(runner, samples);
        stop.Cancel();
        for (var t = TimeSpan.Zero; t < drain; t += step)
        {
            await Settle(runner, samples);
            time.Advance(step);
        }

        await run.WaitAsync(TimeSpan.FromSeconds(10));
        return samples.OrderBy(s => s.Sequence).ToList();
    }

    // continuations released by the fake timer run on the thread pool: wait until the prober is quiet
    // (nothing sent or completed for several consecutive checks), so a busy machine only makes this slower
    private static async Task Settle(ProbeRunner runner, ConcurrentQueue<ProbeSample> samples)
    {
        var last = (-1L, -1);
        var quiet = 0;
        for (var i = 0; i < 500 && quiet < 4; i++)
        {
            await Task.Yield();
            await Task.Delay(1);
            var now = (runner.Sent, samples.Count);
            quiet = now == last ? quiet + 1 : 0;
            last = now;
        }
    }

    [Test]
    public async Task RunAsync_FastResponses_OneSamplePerIntervalOnSchedule()
    {
        var time = new FakeTimeProvider(SampleStreamStart);
        var transport = new FakeTransport(time, TimeSpan.FromMilliseconds(10), new ProbeResponse(200, "<!-- full stars: -->", null));
        var runner = new ProbeRunner(Probe(), transport, time);

        var samples = await RunFor(time, runner, TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(100));

        Assert.That(samples, Has.Count.EqualTo(20).Or.Count.EqualTo(21));
        Assert.That(samples.Select((s, i) => s.ScheduledAt - SampleStreamStart), Is.EqualTo(samples.Select((_, i) => Interval * i)));
        Assert.That(samples.All(s => s.SentAt == s.ScheduledAt && !s.Late), Is.True);
        Assert.That(samples.All(s => s.Class == "cn-shanghai" && s.Ok && s.Duration == TimeSpan.FromMilliseconds(10)), Is.True);
    }

    [Test]
    public async Task RunAsync_SlowResponses_KeepsRateWithSeveralInFlight()
    {
        var time = new FakeTimeProvider(SampleStreamStart);
        var transport = new FakeTransport(time, TimeSpan.FromMilliseconds(350), new ProbeResponse(200, "plain", null));
        var runner = new ProbeRunner(Probe(), transport, time);

        var samples = await RunFor(time, runner, TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(500));

        Assert.That(samples.Count, Is.InRange(20, 21));
        Assert.That(samples.Count(s => s.Late), Is.Zero);
        Assert.That(transport.MaxInFlight, Is.EqualTo(4), "350 ms answers at 100 ms intervals overlap four deep");
        Assert.That(samples.All(s => s.Class == "cn-hangzhou"), Is.True);
    }

    [Test]
    public async Task RunAsync_InFlightLimitReached_SamplesSentLateNotDropped()
    {
        var time = new FakeTimeProvider(SampleStreamStart);
        var transport = new FakeTransport(time, TimeSpan.FromMilliseconds(250), new ProbeResponse(200, "plain", null));
        var runner = new ProbeRunner(Probe(maxInFlight: 1), transport, time);

        var samples = await RunFor(time, runner, TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(500));

        Assert.That(samples.Select(s => s.Sequence), Is.EqualTo(Enumerable.Range(0, samples.Count).Select(i => (long)i)), "no sequence number is skipped");
        Assert.That(samples.Count(s => s.Late), Is.GreaterThanOrEqualTo(samples.Count - 2));
        Assert.That(samples.Skip(1).All(s => s.SentAt > s.ScheduledAt), Is.True);
        Assert.That(transport.MaxInFlight, Is.EqualTo(1));
    }

    [Test]
    public async Task RunAsync_Timeouts_ClassifiedAsErrorNotOk()
    {
        var time = new FakeTimeProvider(SampleStreamStart);
        var transport = new FakeTransport(time, TimeSpan.FromSeconds(5), new ProbeResponse(200, "plain", null));
        var runner = new ProbeRunner(Probe(timeout: TimeSpan.FromMilliseconds(300)), transport, time);

        var samples = await RunFor(time, runner, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(400));

        Assert.That(samples, Is.Not.Empty);
        Assert.That(samples.All(s => s is { Class: "error", Ok: false, ErrorKind: "timeout", Status: null }), Is.True);
    }

    [Test]
    public void Classify_NoRuleMatches_IsError()
    {
        var (cls, ok) = SampleClassifier.Classify(Probe().Classify, new ProbeResponse(503, "no healthy upstream", null));

        Assert.That((cls, ok), Is.EqualTo(("error", false)));
    }

    [Test]
    public void Classify_FirstMatchWins()
    {
        var (cls, _) = SampleClassifier.Classify(Probe().Classify, new ProbeResponse(200, "<!-- full stars: -->", null));

        Assert.That(cls, Is.EqualTo("cn-shanghai"));
    }

    private static readonly DateTimeOffset SampleStreamStart = new(2026, 1, 6, 3, 0, 0, TimeSpan.Zero);
}

using DrillBot.Drills.Definitions;

namespace DrillBot.Drills.Probing;

/// <summary>
/// Fixed-rate prober: sample n is due at start + n × interval, whatever the previous responses do.
/// Up to <see cref="ProbeDefinition.MaxInFlight"/> requests are in flight; a sample that cannot be
/// sent within half an interval of its slot, and at least 5 ms (the timer's jitter budget), after it
/// (no free slot, a stalled machine) is sent as soon as it can and marked late — never dropped.
/// </summary>
internal sealed class ProbeRunner(ProbeDefinition probe, IProbeTransport transport, TimeProvider time)
{
    private long _sent;

    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>How late a send may be and still count as on time.</summary>
    public TimeSpan LateAfter { get; } = TimeSpan.FromTicks(Math.Max(5 * TimeSpan.TicksPerMillisecond, probe.Interval.Ticks / 2));

    /// <summary>Probes until <paramref name="stop"/> fires, then waits for the requests in flight.</summary>
    public async Task RunAsync(Action<ProbeSample> onSample, CancellationToken stop)
    {
        using var slots = new SemaphoreSlim(probe.MaxInFlight, probe.MaxInFlight);
        var inFlight = new List<Task>();
        var start = time.GetUtcNow();
        var startTicks = time.GetTimestamp();
        for (long n = 0; !stop.IsCancellationRequested; n++)
        {
            var due = TimeSpan.FromTicks(probe.Interval.Ticks * n);
            var wait = due - time.GetElapsedTime(startTicks);
            try
            {
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, stop);
                }

                await slots.WaitAsync(stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            var scheduledAt = start + due;
            var sentTicks = time.GetTimestamp();
            var sentAt = time.GetUtcNow();
            var late = time.GetElapsedTime(startTicks, sentTicks) - due > LateAfter;
            Interlocked.Increment(ref _sent);
            inFlight.Add(SendOneAsync(n, scheduledAt, sentAt, sentTicks, late, slots, onSample));
            if (inFlight.Count > 4 * probe.MaxInFlight)
            {
                inFlight.RemoveAll(t => t.IsCompleted);
            }
        }

        await Task.WhenAll(inFlight);
    }

    private async Task SendOneAsync(long n, DateTimeOffset scheduledAt, DateTimeOffset sentAt, long sentTicks, bool late, SemaphoreSlim slots, Action<ProbeSample> onSample)
    {
        try
        {
            await Task.Yield();
            ProbeResponse response;
            try
            {
                response = await transport.SendAsync(probe.Url, probe.Timeout, CancellationToken.None);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
            {
                response = ProbeResponse.Error("connection");
            }

            var duration = time.GetElapsedTime(sentTicks);
            var (cls, ok) = SampleClassifier.Classify(probe.Classify, response);
            var errorKind = response.ErrorKind ?? (cls == SampleClassifier.ErrorClass ? "unmatched" : null);
            onSample(new ProbeSample(n, scheduledAt, sentAt, duration, response.Status, errorKind, cls, ok, late));
        }
        finally
        {
            slots.Release();
        }
    }
}

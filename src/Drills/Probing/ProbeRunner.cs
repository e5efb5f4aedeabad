using DrillBot.Drills.Definitions;

namespace DrillBot.Drills.Probing;

/// <summary>
/// Fixed-rate prober: sample n is due at start + n × interval, whatever the previous responses do.
/// Up to <see cref="ProbeDefinition.MaxInFlight"/> requests are in flight; a sample that cannot be
/// sent within half an interval of its slot, and at least 5 ms (the timer's jitter budget), after it
/// (no free slot, a stalled machine) is sent as soon as it can and marked late — never dropped.
/// </summary>
/// <remarks>
/// On the system clock the schedule runs on a thread of its own that sleeps until each slot
/// (<see cref="ProbeWaiter"/>), and a transport that can send blocking (<see cref="IBlockingProbeTransport"/>, the
/// HTTP one) sends on sender threads that wait in the socket (<see cref="ProbeSenders"/>): no thread-pool work item
/// per sample. At 100 samples/s the pool's workers spinning after every short work item (three per sample) were most
/// of the prober's CPU (docs/benchmarks.md, "Probe cost"). On another clock (tests' fake one) the same loop awaits the
/// clock's timers, and an asynchronous transport is awaited.
/// </remarks>
internal sealed class ProbeRunner(ProbeDefinition probe, IProbeTransport transport, TimeProvider time)
{
    private long _sent;

    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>How late a send may be and still count as on time.</summary>
    public TimeSpan LateAfter { get; } = TimeSpan.FromTicks(Math.Max(5 * TimeSpan.TicksPerMillisecond, probe.Interval.Ticks / 2));

    /// <summary>Probes until <paramref name="stop"/> fires, then waits for the requests in flight.</summary>
    public Task RunAsync(Action<ProbeSample> onSample, CancellationToken stop)
    {
        if (!ProbeWaiter.Blocks(time))
        {
            return ScheduleAsync(onSample, stop);
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            // every wait of a blocking waiter is complete when returned: this loop stays on this thread until it ends
            var schedule = ScheduleAsync(onSample, stop);
            schedule.ContinueWith(t => t.Exception is { } e ? done.TrySetException(e.InnerExceptions) : done.TrySetResult(), TaskScheduler.Default);
        }) { IsBackground = true, Name = "drillbot-probe" }.Start();
        return done.Task;
    }

    private async Task ScheduleAsync(Action<ProbeSample> onSample, CancellationToken stop)
    {
        using var slots = new SemaphoreSlim(probe.MaxInFlight, probe.MaxInFlight);
        using var waiter = ProbeWaiter.For(time, stop);
        var dispatch = new ProbeDispatch(transport, probe, slots, (job, response) => onSample(Complete(job, response)), Stamp);
        var start = time.GetUtcNow();
        var startTicks = time.GetTimestamp();
        for (long n = 0; !stop.IsCancellationRequested; n++)
        {
            var due = TimeSpan.FromTicks(probe.Interval.Ticks * n);
            var wait = due - time.GetElapsedTime(startTicks);
            if ((wait > TimeSpan.Zero && !await waiter.DelayAsync(wait)) || !await waiter.TakeAsync(slots))
            {
                break;
            }

            var sentTicks = time.GetTimestamp();
            var sentAt = time.GetUtcNow();
            var late = time.GetElapsedTime(startTicks, sentTicks) - due > LateAfter;
            Interlocked.Increment(ref _sent);
            dispatch.Send(new ProbeJob(n, start + due, sentAt, sentTicks, late) { StartTicks = startTicks, Due = due });
        }

        await dispatch.DrainAsync();
    }

    /// <summary>The job stamped now: when it really leaves (a sender thread calls this just before sending).</summary>
    private ProbeJob Stamp(ProbeJob job)
    {
        var sentTicks = time.GetTimestamp();
        return job with { SentAt = time.GetUtcNow(), SentTicks = sentTicks, Late = time.GetElapsedTime(job.StartTicks, sentTicks) - job.Due > LateAfter };
    }

    private ProbeSample Complete(ProbeJob job, ProbeResponse response)
    {
        var duration = time.GetElapsedTime(job.SentTicks);
        var (cls, ok) = SampleClassifier.Classify(probe.Classify, response);
        var errorKind = response.ErrorKind ?? (cls == SampleClassifier.ErrorClass ? "unmatched" : null);
        return new ProbeSample(job.Sequence, job.ScheduledAt, job.SentAt, duration, response.Status, errorKind, cls, ok, job.Late);
    }
}

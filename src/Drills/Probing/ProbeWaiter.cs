namespace DrillBot.Drills.Probing;

/// <summary>
/// How the prober's schedule waits: for the next slot, and for a free in-flight slot. On the system clock it blocks
/// its own thread (an event wait with a timeout: one futex wait woken by the kernel, no timer object, no thread-pool
/// work item, no spinning) and every wait it returns is already complete, so the schedule never leaves that thread.
/// On any other <see cref="TimeProvider"/> (tests' FakeTimeProvider) it awaits the provider's timers, as an ordinary
/// async loop whose continuations the fake clock runs when it is advanced.
/// </summary>
internal abstract class ProbeWaiter : IDisposable
{
    /// <summary>True when <see cref="For"/> gives a waiter that blocks (run the schedule on a thread of its own).</summary>
    public static bool Blocks(TimeProvider time) => ReferenceEquals(time, TimeProvider.System);

    public static ProbeWaiter For(TimeProvider time, CancellationToken stop) =>
        Blocks(time) ? new SystemClockWaiter(stop) : new TimerWaiter(time, stop);

    /// <summary>Waits up to <paramref name="wait"/>; false when the run was stopped meanwhile (or before).</summary>
    public abstract ValueTask<bool> DelayAsync(TimeSpan wait);

    /// <summary>Takes one of <paramref name="slots"/>; false when the run was stopped first.</summary>
    public abstract ValueTask<bool> TakeAsync(SemaphoreSlim slots);

    public abstract void Dispose();

    private sealed class SystemClockWaiter : ProbeWaiter
    {
        private readonly ManualResetEventSlim _stopped = new(false, spinCount: 0);
        private readonly CancellationToken _stop;
        private readonly CancellationTokenRegistration _registration;

        public SystemClockWaiter(CancellationToken stop)
        {
            _stop = stop;
            _registration = stop.Register(_stopped.Set);
        }

        // whole milliseconds, rounded up: a send is at most ~1 ms after its slot, never before it
        public override ValueTask<bool> DelayAsync(TimeSpan wait) =>
            ValueTask.FromResult(!_stopped.Wait((int)Math.Min(int.MaxValue, Math.Ceiling(wait.TotalMilliseconds))));

        public override ValueTask<bool> TakeAsync(SemaphoreSlim slots)
        {
            try
            {
                slots.Wait(_stop);
                return ValueTask.FromResult(true);
            }
            catch (OperationCanceledException)
            {
                return ValueTask.FromResult(false);
            }
        }

        public override void Dispose()
        {
            _registration.Dispose();
            _stopped.Dispose();
        }
    }

    private sealed class TimerWaiter(TimeProvider time, CancellationToken stop) : ProbeWaiter
    {
        public override async ValueTask<bool> DelayAsync(TimeSpan wait)
        {
            try
            {
                await Task.Delay(wait, time, stop);
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        public override async ValueTask<bool> TakeAsync(SemaphoreSlim slots)
        {
            try
            {
                await slots.WaitAsync(stop);
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        public override void Dispose()
        {
        }
    }
}

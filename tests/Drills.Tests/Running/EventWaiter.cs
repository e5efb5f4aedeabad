using System.Collections.Concurrent;
using DrillBot.Drills.Running;
using DrillBot.Drills.Running.Events;

namespace DrillBot.Drills.Tests.Running;

/// <summary>
/// Records events and completes a task when the first event matching a predicate arrives. <paramref name="atHit"/>
/// runs on the engine's own thread at that event, before the run goes on: a test's fault injected there happens at
/// exactly that point of the run, however late the test's continuation is scheduled on a loaded machine.
/// </summary>
internal sealed class EventWaiter(Func<DrillEvent, bool> match, Action<DrillEvent>? atHit = null) : IDrillObserver
{
    private readonly TaskCompletionSource<DrillEvent> _hit = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<DrillEvent> Events { get; } = new();

    public Task<DrillEvent> Hit => _hit.Task.WaitAsync(TimeSpan.FromSeconds(30));

    public void OnEvent(DrillEvent drillEvent)
    {
        Events.Enqueue(drillEvent);
        if (match(drillEvent) && !_hit.Task.IsCompleted)
        {
            atHit?.Invoke(drillEvent);
            _hit.TrySetResult(drillEvent);
        }
    }
}

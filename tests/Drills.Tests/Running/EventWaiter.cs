using System.Collections.Concurrent;
using DrillBot.Drills.Running;
using DrillBot.Drills.Running.Events;

namespace DrillBot.Drills.Tests.Running;

/// <summary>Records events and completes a task when the first event matching a predicate arrives.</summary>
internal sealed class EventWaiter(Func<DrillEvent, bool> match) : IDrillObserver
{
    private readonly TaskCompletionSource<DrillEvent> _hit = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<DrillEvent> Events { get; } = new();

    public Task<DrillEvent> Hit => _hit.Task.WaitAsync(TimeSpan.FromSeconds(30));

    public void OnEvent(DrillEvent drillEvent)
    {
        Events.Enqueue(drillEvent);
        if (match(drillEvent))
        {
            _hit.TrySetResult(drillEvent);
        }
    }
}

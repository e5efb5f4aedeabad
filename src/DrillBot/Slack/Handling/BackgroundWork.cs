using System.Collections.Concurrent;

namespace DrillBot.Slack.Handling;

/// <summary>Tracks fire-and-forget work started by request handlers so shutdown can wait for it.</summary>
internal sealed class BackgroundWork
{
    private readonly ConcurrentDictionary<Task, byte> running = new();

    public int Count => running.Count;

    public void Track(Task task)
    {
        running.TryAdd(task, 0);
        _ = task.ContinueWith(t => running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Completes when everything tracked so far has finished (failures are the tasks' own business).</summary>
    public Task DrainAsync() => Task.WhenAll(running.Keys.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
}

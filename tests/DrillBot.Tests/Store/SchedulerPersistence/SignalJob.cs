using System.Collections.Concurrent;
using Quartz;

namespace DrillBot.Tests.Store.SchedulerPersistence;

/// <summary>A Quartz job that completes the waiter named by its <c>signal</c> data, recording which scheduler instance ran it.</summary>
public sealed class SignalJob : IJob
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource<string>> Waiters = new(StringComparer.Ordinal);

    public static Task<string> WaitFor(string signal) =>
        Waiters.GetOrAdd(signal, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var signal = context.MergedJobDataMap.GetString("signal") ?? string.Empty;
        Waiters.GetOrAdd(signal, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously))
            .TrySetResult(context.Scheduler.SchedulerInstanceId);
        return ValueTask.CompletedTask;
    }
}

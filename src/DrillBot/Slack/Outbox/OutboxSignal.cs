namespace DrillBot.Slack.Outbox;

/// <summary>
/// Wakes the dispatcher when something was enqueued, so messages go out at once instead of at the
/// next poll. Share one instance (singleton) between <see cref="SlackOutbox"/> and <see cref="SlackOutboxDispatcher"/>.
/// </summary>
public sealed class OutboxSignal
{
    private TaskCompletionSource pulse = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Wakes a waiting dispatcher (or the next one to wait).</summary>
    public void Notify() => pulse.TrySetResult();

    /// <summary>Waits until notified or until <paramref name="timeout"/> passes on <paramref name="time"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref pulse);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, time, cts.Token);
        await Task.WhenAny(current.Task, delay).ConfigureAwait(false);
        await cts.CancelAsync().ConfigureAwait(false);
        if (current.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref pulse, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), current);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}

namespace DrillBot.Slack.Handling;

/// <summary>
/// Process-local <see cref="ISlackDeliveryDedupe"/>: keys are kept for <c>retention</c> (Slack retries
/// within minutes), at most <c>capacity</c> of them (oldest dropped first). Enough for one replica;
/// it forgets on restart.
/// </summary>
internal sealed class InMemorySlackDeliveryDedupe : ISlackDeliveryDedupe
{
    private readonly TimeProvider time;
    private readonly TimeSpan retention;
    private readonly int capacity;
    private readonly Dictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, DateTimeOffset At)> order = new();
    private readonly Lock gate = new();

    public InMemorySlackDeliveryDedupe(TimeProvider time, TimeSpan? retention = null, int capacity = 10_000)
    {
        this.time = time;
        this.retention = retention ?? TimeSpan.FromHours(1);
        this.capacity = capacity;
    }

    public Task<bool> TryBeginAsync(string key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            while (order.Count > 0 && now - order.Peek().At > retention)
            {
                Forget();
            }

            if (seen.ContainsKey(key))
            {
                return Task.FromResult(false);
            }

            while (order.Count >= capacity)
            {
                Forget();
            }

            seen[key] = now;
            order.Enqueue((key, now));
            return Task.FromResult(true);
        }
    }

    private void Forget()
    {
        var (old, at) = order.Dequeue();
        if (seen.TryGetValue(old, out var stored) && stored == at)
        {
            seen.Remove(old);
        }
    }
}

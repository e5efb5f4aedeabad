namespace DrillBot.Lab.State;

/// <summary>
/// Pending state transitions (pod ready, endpoint added, ejection ended…), each applied with its own due
/// time so the ground truth records the exact scheduled moment, however late a timer fires.
/// Used under the world lock only.
/// </summary>
internal sealed class Scheduler
{
    private readonly PriorityQueue<Action<DateTimeOffset>, (DateTimeOffset Due, long Seq)> _queue = new();
    private long _seq;

    public DateTimeOffset NextDue => _queue.TryPeek(out _, out var key) ? key.Due : DateTimeOffset.MaxValue;

    public void Schedule(DateTimeOffset due, Action<DateTimeOffset> transition) => _queue.Enqueue(transition, (due, _seq++));

    /// <summary>Applies every transition due at or before <paramref name="now"/>, in order; returns how many ran.</summary>
    public int RunDue(DateTimeOffset now)
    {
        var ran = 0;
        while (_queue.TryPeek(out var transition, out var key) && key.Due <= now)
        {
            _queue.Dequeue();
            transition(key.Due);
            ran++;
        }

        return ran;
    }
}

namespace DrillBot.Slack.SocketMode;

/// <summary>A bounded set of recently seen envelope IDs (oldest forgotten first); thread-safe.</summary>
internal sealed class EnvelopeIdSet
{
    private readonly int capacity;
    private readonly HashSet<string> ids = new(StringComparer.Ordinal);
    private readonly Queue<string> order = new();
    private readonly Lock gate = new();

    public EnvelopeIdSet(int capacity) => this.capacity = Math.Max(1, capacity);

    /// <summary>True when <paramref name="id"/> was not seen before.</summary>
    public bool Add(string id)
    {
        lock (gate)
        {
            if (!ids.Add(id))
            {
                return false;
            }

            order.Enqueue(id);
            if (order.Count > capacity)
            {
                ids.Remove(order.Dequeue());
            }

            return true;
        }
    }
}

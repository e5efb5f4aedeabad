namespace DrillBot.Lab;

/// <summary>The append-only ground-truth timeline; appends are rare (state changes), reads take a snapshot.</summary>
internal sealed class EventLog
{
    private readonly Lock _gate = new();
    private readonly List<LabEvent> _events = [];

    public void Add(LabEvent labEvent)
    {
        lock (_gate)
        {
            // Events are appended in time order except when a hot-path event (first-response) races a
            // scheduled one by microseconds; keep the list sorted so readers always see a timeline.
            var i = _events.Count;
            while (i > 0 && _events[i - 1].Time > labEvent.Time)
            {
                i--;
            }

            _events.Insert(i, labEvent);
        }
    }

    public IReadOnlyList<LabEvent> Snapshot()
    {
        lock (_gate)
        {
            return _events.ToArray();
        }
    }
}

namespace DrillBot.Lab;

/// <summary>The most recent <see cref="Capacity"/> request records (a ring: older ones are dropped, counted in <see cref="Dropped"/>).</summary>
internal sealed class RequestLog
{
    public const int Capacity = 4096;
    private readonly Lock _gate = new();
    private readonly RequestRecord?[] _ring = new RequestRecord?[Capacity];
    private long _next;

    public long NextId() => Interlocked.Increment(ref _next);

    public long Dropped => Math.Max(0, Volatile.Read(ref _next) - Capacity);

    public void Add(RequestRecord record)
    {
        lock (_gate)
        {
            _ring[(int)((record.Id - 1) % Capacity)] = record;
        }
    }

    /// <summary>The kept records in id order, optionally only those after <paramref name="afterId"/>.</summary>
    public IReadOnlyList<RequestRecord> Snapshot(long afterId = 0)
    {
        lock (_gate)
        {
            return _ring.OfType<RequestRecord>().Where(r => r.Id > afterId).OrderBy(r => r.Id).ToArray();
        }
    }
}

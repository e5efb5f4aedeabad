namespace DrillBot.Lab.Mesh;

/// <summary>Outlier-detection state of one host. Counters are touched lock-free on the hot path.</summary>
internal sealed class HostHealth
{
    private int _consecutiveErrors;

    public int ConsecutiveErrors => Volatile.Read(ref _consecutiveErrors);

    /// <summary>Ejected hosts take no traffic until they return. Written under the world lock.</summary>
    public bool Ejected { get; set; }

    public int EjectionCount { get; set; }

    public DateTimeOffset? ReturnedAt { get; set; }

    /// <summary>Identifies the current ejection, so a stale scheduled return does nothing.</summary>
    public long EjectionToken { get; set; }

    public int RecordError() => Interlocked.Increment(ref _consecutiveErrors);

    public void RecordSuccess()
    {
        if (Volatile.Read(ref _consecutiveErrors) != 0)
        {
            Volatile.Write(ref _consecutiveErrors, 0);
        }
    }

    public void ResetErrors() => Volatile.Write(ref _consecutiveErrors, 0);
}

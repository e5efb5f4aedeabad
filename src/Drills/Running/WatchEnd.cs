namespace DrillBot.Drills.Running;

/// <summary>Why watching the probes stopped.</summary>
internal enum WatchEnd
{
    Duration,
    Settled,
    AbortIf,
    LockLost,
}

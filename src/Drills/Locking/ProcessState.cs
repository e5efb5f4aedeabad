namespace DrillBot.Drills.Locking;

/// <summary>What this machine can tell about the process named by an owner string.</summary>
internal enum ProcessState
{
    /// <summary>The owner is a process on another machine, or not a <c>host/pid</c> owner: only its lease can tell.</summary>
    Unknown,

    /// <summary>The owner process runs on this machine.</summary>
    Alive,

    /// <summary>The owner was a process on this machine that no longer runs (gone, a zombie, or its pid now belongs to a later process).</summary>
    Dead,
}

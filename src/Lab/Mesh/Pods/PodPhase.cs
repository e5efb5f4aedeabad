namespace DrillBot.Lab.Mesh;

/// <summary>Lifecycle of an emulated pod.</summary>
internal enum PodPhase
{
    /// <summary>Created, not ready yet (start delay running).</summary>
    Starting,

    /// <summary>Ready and serving.</summary>
    Ready,

    /// <summary>Scaled away: not ready, still serving until the stop delay ends.</summary>
    Terminating,

    /// <summary>Stopped: connections refused; gone from the pod list.</summary>
    Stopped,
}

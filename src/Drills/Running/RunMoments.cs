namespace DrillBot.Drills.Running;

/// <summary>
/// The instants a run passes, each set once by the phase that reaches it (the runner: start, steady state, end of
/// observation; the steps: fault and last step; the restore: its end). The analysis and the report read them.
/// </summary>
internal sealed class RunMoments
{
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? SteadyFrom { get; set; }
    public DateTimeOffset? SteadyTo { get; set; }
    public DateTimeOffset? FaultAt { get; set; }
    public DateTimeOffset? LastStepAt { get; set; }

    /// <summary>When the last step before the fault step that changed something (not a wait) was acknowledged: the start of expect.beforeFault's window.</summary>
    public DateTimeOffset? ArmedAt { get; set; }

    /// <summary>When the fault step was started, before its request: the end of expect.beforeFault's window.</summary>
    public DateTimeOffset? FaultStartedAt { get; set; }
    public DateTimeOffset? ObserveEndAt { get; set; }
    public DateTimeOffset? RestoreFinishedAt { get; set; }
}

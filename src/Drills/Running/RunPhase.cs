namespace DrillBot.Drills.Running;

/// <summary>Where a run is.</summary>
public enum RunPhase
{
    Pending,
    Preflight,
    SteadyState,
    Steps,
    Observe,
    Restore,
    Failback,
    Finished,
}

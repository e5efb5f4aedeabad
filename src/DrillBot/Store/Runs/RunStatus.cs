namespace DrillBot.Store.Runs;

/// <summary>Where a run stands in the service's history.</summary>
public enum RunStatus
{
    /// <summary>In progress on its owner instance.</summary>
    Running,

    /// <summary>Ended normally (whatever the verdict).</summary>
    Finished,

    /// <summary>Its owner died mid-run; restoring (or the restore failed).</summary>
    Interrupted,

    /// <summary>Its owner died mid-run and another start restored the state.</summary>
    RestoredAfterInterruption,
}

namespace DrillBot.Drills.Restore;

/// <summary>How the restore of a run ended (report field <c>restore.status</c>).</summary>
public enum RestoreStatus
{
    /// <summary>Every object re-read and equal to its prior state.</summary>
    Verified,

    /// <summary>Every object restored, but someone else's concurrent change was kept (see conflicts).</summary>
    Restored,

    /// <summary>At least one object could not be restored: state may still be changed.</summary>
    Failed,
}

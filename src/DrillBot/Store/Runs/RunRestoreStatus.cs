namespace DrillBot.Store.Runs;

/// <summary>How the restore went (report <c>restore.status</c>).</summary>
public enum RunRestoreStatus
{
    /// <summary>Restored and re-read equal to the recorded prior state.</summary>
    Verified,

    /// <summary>Restored, not (yet) verified.</summary>
    Restored,

    /// <summary>At least one object could not be restored.</summary>
    Failed,
}

using DrillBot.Store.Audit;

namespace DrillBot.Store.Freeze;

/// <summary>The global freeze in <c>drillbot_freeze</c>, shared by every replica and kept across restarts.</summary>
public interface IFreezeStore
{
    /// <summary>The freeze in force (<see cref="FreezeState.Thawed"/> when none ever was).</summary>
    Task<FreezeState> GetAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Freezes, as one step with run starts (the run-start lock): a start after this sees the freeze, a run recorded
    /// before it is returned and gets an abort request reading <see cref="FreezeState.Describe"/>. Already frozen: the
    /// first freeze stays (its reason and author), nothing changes. <paramref name="audit"/> is appended in the same transaction when it changes.
    /// </summary>
    Task<FreezeChange> FreezeAsync(string by, string source, string reason, AuditEntry? audit, CancellationToken cancellationToken);

    /// <summary>Lifts the freeze; false in <see cref="FreezeChange.Changed"/> when nothing was frozen.</summary>
    Task<FreezeChange> UnfreezeAsync(string by, AuditEntry? audit, CancellationToken cancellationToken);
}

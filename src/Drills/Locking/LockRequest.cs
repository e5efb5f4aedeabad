using DrillBot.Drills.Cluster;

namespace DrillBot.Drills.Locking;

/// <summary>
/// How to take the drill leases: as <see cref="Holder"/>, judging other holders with <see cref="Liveness"/>.
/// <see cref="AlsoTakeOver"/> names leases that may be taken although their holder looks at work (a restore
/// takes over the lease of the run it restores). <see cref="BestEffort"/>: a cluster whose lease cannot be
/// taken is skipped and listed instead of refusing everything (restores go on without it).
/// </summary>
internal sealed record LockRequest(LeaseHolder Holder, HolderLiveness Liveness, LockOptions Options, TimeProvider Time)
{
    public Func<LeaseState, bool>? AlsoTakeOver { get; init; }

    public bool BestEffort { get; init; }
}

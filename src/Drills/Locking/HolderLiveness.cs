using DrillBot.Drills.Cluster;

namespace DrillBot.Drills.Locking;

/// <summary>
/// Decides whether the holder of a drill lease is still at work, most certain evidence first:
/// <list type="number">
/// <item>a holder of this process's own owner is at work exactly when this process runs that work (<see cref="LocalWork"/>);</item>
/// <item>a <c>host/pid</c> holder on this machine whose process is dead (<see cref="LocalProcess"/>) is not, however fresh its lease;</item>
/// <item>anything else (another machine, another owner shape) is at work until its lease expires.</item>
/// </list>
/// </summary>
internal sealed class HolderLiveness(string self)
{
    public bool IsAtWork(LeaseState lease, DateTimeOffset now) => Judge(lease, now).AtWork;

    /// <summary>Whether the holder is at work, and if not, why (for logs and messages); null reason when free.</summary>
    public (bool AtWork, string? Reason) Judge(LeaseState lease, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(lease.Holder))
        {
            return (false, null);
        }

        var holder = LeaseHolder.Parse(lease.Holder);
        if (holder is not null && holder.Owner == self)
        {
            return LocalWork.Contains(holder) ? (true, null) : (false, $"{holder.Owner} is this process's owner and it does not run {holder.Verb} {holder.RunId}");
        }

        if (holder is not null && lease.RenewTime is { } renewed && LocalProcess.Check(holder.Owner, renewed) == ProcessState.Dead)
        {
            return (false, $"process {holder.Owner} no longer runs");
        }

        return lease.IsFree(now) ? (false, "its lease expired") : (true, null);
    }
}

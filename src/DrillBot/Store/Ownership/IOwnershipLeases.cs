namespace DrillBot.Store.Ownership;

/// <summary>
/// Named single-owner leases in the database, for work that must run on one replica only (outbox
/// delivery, recovery on start). Atomic across replicas; an expired lease can be taken over. Time
/// comes from each replica's clock, so keep clocks in sync (NTP) well within the TTL.
/// </summary>
public interface IOwnershipLeases
{
    /// <summary>
    /// Takes the lease when it is free or expired, or extends it when <paramref name="instanceId"/>
    /// already holds it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ttl"/> is not positive.</exception>
    Task<LeaseAttempt> TryAcquireAsync(string name, string instanceId, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>Extends a lease the caller holds and that has not expired. False: the caller has lost it.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ttl"/> is not positive.</exception>
    Task<bool> RenewAsync(string name, string instanceId, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>Gives the lease up. False when the caller did not hold it.</summary>
    Task<bool> ReleaseAsync(string name, string instanceId, CancellationToken cancellationToken);

    /// <summary>The lease as stored (possibly expired), or null.</summary>
    Task<OwnershipLease?> GetAsync(string name, CancellationToken cancellationToken);
}

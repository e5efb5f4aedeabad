namespace DrillBot.Store.Ownership;

/// <summary>A named store lease held by this replica for single-owner work; <see cref="RenewAsync"/> false means it was lost.</summary>
internal sealed class SingleOwnerLease(IDrillBotStore store, string name, string instanceId, TimeSpan ttl)
{
    public string Name => name;

    public TimeSpan RenewEvery => ttl / 3;

    public async Task<bool> TryAcquireAsync(CancellationToken cancellationToken) =>
        (await store.Leases.TryAcquireAsync(name, instanceId, ttl, cancellationToken)).Acquired;

    public Task<bool> RenewAsync(CancellationToken cancellationToken) => store.Leases.RenewAsync(name, instanceId, ttl, cancellationToken);

    public Task<bool> ReleaseAsync(CancellationToken cancellationToken) => store.Leases.ReleaseAsync(name, instanceId, cancellationToken);
}

using DrillBot.Store;
using DrillBot.Store.Ownership;

namespace DrillBot.Tests.Store.Ownership;

[TestFixture(StoreEngine.Sqlite)]
[TestFixture(StoreEngine.Postgres)]
public sealed class OwnershipLeaseTests(StoreEngine engine) : StoreTestBase(engine)
{
    private const string Outbox = "outbox-delivery";
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    [Test]
    public async Task TryAcquireAsync_FreeLease_AcquiredUntilTtl()
    {
        var attempt = await Store.Leases.TryAcquireAsync(Outbox, "bot-a", Ttl, CancellationToken.None);

        Assert.That(attempt, Is.EqualTo(new LeaseAttempt(true, new OwnershipLease(Outbox, "bot-a", T0, T0 + Ttl))));
    }

    [Test]
    public async Task TryAcquireAsync_HeldByAnother_RefusedAndNamesTheHolder()
    {
        await Store.Leases.TryAcquireAsync(Outbox, "bot-a", Ttl, CancellationToken.None);
        Time.Advance(Ttl - TimeSpan.FromMilliseconds(1));

        var attempt = await Store.Leases.TryAcquireAsync(Outbox, "bot-b", Ttl, CancellationToken.None);

        Assert.That(attempt, Is.EqualTo(new LeaseAttempt(false, new OwnershipLease(Outbox, "bot-a", T0, T0 + Ttl))));
    }

    [Test]
    public async Task TryAcquireAsync_Expired_TakenOverAndOldHolderCanNoLongerRenewOrRelease()
    {
        await Store.Leases.TryAcquireAsync(Outbox, "bot-a", Ttl, CancellationToken.None);
        Time.Advance(Ttl);

        var takeover = await Store.Leases.TryAcquireAsync(Outbox, "bot-b", Ttl, CancellationToken.None);
        var renewByOld = await Store.Leases.RenewAsync(Outbox, "bot-a", Ttl, CancellationToken.None);
        var releaseByOld = await Store.Leases.ReleaseAsync(Outbox, "bot-a", CancellationToken.None);

        Assert.That(takeover, Is.EqualTo(new LeaseAttempt(true, new OwnershipLease(Outbox, "bot-b", T0 + Ttl, T0 + Ttl + Ttl))));
        Assert.That((renewByOld, releaseByOld), Is.EqualTo((false, false)));
        Assert.That((await Store.Leases.GetAsync(Outbox, CancellationToken.None))!.Owner, Is.EqualTo("bot-b"));
    }

    [Test]
    public async Task RenewAsync_ByHolderBeforeExpiry_ExtendsButNotAfterExpiry()
    {
        await Store.Leases.TryAcquireAsync(Outbox, "bot-a", Ttl, CancellationToken.None);
        Time.Advance(TimeSpan.FromSeconds(20));

        var renewed = await Store.Leases.RenewAsync(Outbox, "bot-a", Ttl, CancellationToken.None);
        var leaseAfterRenewal = await Store.Leases.GetAsync(Outbox, CancellationToken.None);
        Time.Advance(Ttl);
        var lateRenewal = await Store.Leases.RenewAsync(Outbox, "bot-a", Ttl, CancellationToken.None);

        Assert.That(renewed, Is.True);
        Assert.That(leaseAfterRenewal, Is.EqualTo(new OwnershipLease(Outbox, "bot-a", T0, T0 + TimeSpan.FromSeconds(20) + Ttl)));
        Assert.That(lateRenewal, Is.False);
    }

    [Test]
    public async Task TryAcquireAsync_ByHolderAgain_KeepsAcquiredTimeAndExtends()
    {
        await Store.Leases.TryAcquireAsync(Outbox, "bot-a", Ttl, CancellationToken.None);
        Time.Advance(TimeSpan.FromSeconds(10));

        var again = await Store.Leases.TryAcquireAsync(Outbox, "bot-a", Ttl, CancellationToken.None);

        Assert.That(again, Is.EqualTo(new LeaseAttempt(true, new OwnershipLease(Outbox, "bot-a", T0, T0 + TimeSpan.FromSeconds(10) + Ttl))));
    }

    [Test]
    public async Task ReleaseAsync_ByHolder_FreesTheLeaseForOthersAtOnce()
    {
        await Store.Leases.TryAcquireAsync(Outbox, "bot-a", Ttl, CancellationToken.None);

        var releasedByOther = await Store.Leases.ReleaseAsync(Outbox, "bot-b", CancellationToken.None);
        var released = await Store.Leases.ReleaseAsync(Outbox, "bot-a", CancellationToken.None);
        var taken = await Store.Leases.TryAcquireAsync(Outbox, "bot-b", Ttl, CancellationToken.None);

        Assert.That((releasedByOther, released, taken.Acquired), Is.EqualTo((false, true, true)));
    }

    [Test]
    public async Task TryAcquireAsync_ManyInstancesRacingOnTwoStores_ExactlyOneWins()
    {
        var other = await OpenAnotherStoreAsync();
        var stores = new[] { Store, other };
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var attempts = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await stores[i % 2].Leases.TryAcquireAsync("recovery", $"bot-{i}", Ttl, CancellationToken.None);
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(attempts);

        var winners = results.Where(r => r.Acquired).ToList();
        Assert.That(winners, Has.Count.EqualTo(1));
        Assert.That(results.Select(r => r.Current?.Owner), Is.All.EqualTo(winners[0].Current!.Owner));
    }

    [Test]
    public void TryAcquireAsync_NonPositiveTtl_Throws() =>
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.Leases.TryAcquireAsync(Outbox, "bot-a", TimeSpan.Zero, CancellationToken.None));
}

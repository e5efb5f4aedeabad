using DrillBot.Store;
using DrillBot.Store.MissedFires;

namespace DrillBot.Tests.Store.MissedFires;

[TestFixture(StoreEngine.Sqlite)]
[TestFixture(StoreEngine.Postgres)]
public sealed class MissedFireStoreTests(StoreEngine engine) : StoreTestBase(engine)
{
    [Test]
    public async Task RecordAsync_SameFireTwice_StoredOnce()
    {
        var first = await Store.MissedFires.RecordAsync("reviews-failover", T0, CancellationToken.None);
        var second = await Store.MissedFires.RecordAsync("reviews-failover", T0, CancellationToken.None);

        Assert.That((first, second), Is.EqualTo((true, false)));
        Assert.That(await Store.MissedFires.CountAsync(null, null, CancellationToken.None), Is.EqualTo(1));
    }

    [Test]
    public async Task CountAndList_SeveralDrills_FilterByDrillAndTimeNewestFirst()
    {
        Time.Advance(TimeSpan.FromHours(1));
        await Store.MissedFires.RecordAsync("failover", T0.AddDays(-7), CancellationToken.None);
        await Store.MissedFires.RecordAsync("failover", T0, CancellationToken.None);
        await Store.MissedFires.RecordAsync("distribution", T0.AddDays(-1), CancellationToken.None);

        var all = await Store.MissedFires.CountAsync(null, null, CancellationToken.None);
        var failover = await Store.MissedFires.CountAsync("failover", null, CancellationToken.None);
        var recent = await Store.MissedFires.CountAsync(null, T0.AddDays(-1), CancellationToken.None);
        var recentFailover = await Store.MissedFires.CountAsync("failover", T0.AddDays(-1), CancellationToken.None);
        var latest = await Store.MissedFires.ListLatestAsync(2, null, CancellationToken.None);
        var failoverList = await Store.MissedFires.ListLatestAsync(10, "failover", CancellationToken.None);

        Assert.That((all, failover, recent, recentFailover), Is.EqualTo((3L, 2L, 2L, 1L)));
        Assert.That(latest, Is.EqualTo(new[]
        {
            new MissedFire("failover", T0, T0.AddHours(1)),
            new MissedFire("distribution", T0.AddDays(-1), T0.AddHours(1)),
        }));
        Assert.That(failoverList.Select(f => f.ScheduledAt), Is.EqualTo(new[] { T0, T0.AddDays(-7) }));
    }
}

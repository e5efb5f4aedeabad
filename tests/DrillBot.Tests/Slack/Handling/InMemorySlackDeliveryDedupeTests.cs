using DrillBot.Slack.Handling;
using Microsoft.Extensions.Time.Testing;

namespace DrillBot.Tests.Slack.Handling;

public sealed class InMemorySlackDeliveryDedupeTests
{
    [Test]
    public async Task TryBegin_SameKeyWithinRetention_OnlyFirstWins()
    {
        var clock = new FakeTimeProvider();
        var dedupe = new InMemorySlackDeliveryDedupe(clock, TimeSpan.FromMinutes(10));
        Assert.That(await dedupe.TryBeginAsync("k", CancellationToken.None), Is.True);
        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.That(await dedupe.TryBeginAsync("k", CancellationToken.None), Is.False);
        Assert.That(await dedupe.TryBeginAsync("other", CancellationToken.None), Is.True);
    }

    [Test]
    public async Task TryBegin_AfterRetentionOrBeyondCapacity_Forgotten()
    {
        var clock = new FakeTimeProvider();
        var dedupe = new InMemorySlackDeliveryDedupe(clock, TimeSpan.FromMinutes(10), capacity: 2);
        await dedupe.TryBeginAsync("a", CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(11));
        Assert.That(await dedupe.TryBeginAsync("a", CancellationToken.None), Is.True, "expired");
        await dedupe.TryBeginAsync("b", CancellationToken.None);
        await dedupe.TryBeginAsync("c", CancellationToken.None);
        Assert.That(await dedupe.TryBeginAsync("a", CancellationToken.None), Is.True, "evicted as the oldest");
        Assert.That(await dedupe.TryBeginAsync("c", CancellationToken.None), Is.False);
    }
}

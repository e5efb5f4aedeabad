using DrillBot.Store;

namespace DrillBot.Tests.Store.Dedupe;

[TestFixture(StoreEngine.Sqlite)]
[TestFixture(StoreEngine.Postgres)]
public sealed class DeliveryDedupeTests(StoreEngine engine) : StoreTestBase(engine)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Test]
    public async Task TryRememberAsync_SameKeyTwice_TrueOnlyTheFirstTime()
    {
        var first = await Store.Dedupe.TryRememberAsync("slack/T1/trigger-42", Hour, CancellationToken.None);
        var retry = await Store.Dedupe.TryRememberAsync("slack/T1/trigger-42", Hour, CancellationToken.None);
        var other = await Store.Dedupe.TryRememberAsync("slack/T1/trigger-43", Hour, CancellationToken.None);

        Assert.That((first, retry, other), Is.EqualTo((true, false, true)));
    }

    [Test]
    public async Task TryRememberAsync_AfterExpiry_CountsAsNewAgain()
    {
        await Store.Dedupe.TryRememberAsync("k", Hour, CancellationToken.None);

        Time.Advance(Hour - TimeSpan.FromMilliseconds(1));
        var justBefore = await Store.Dedupe.TryRememberAsync("k", Hour, CancellationToken.None);
        Time.Advance(TimeSpan.FromMilliseconds(1));
        var atExpiry = await Store.Dedupe.TryRememberAsync("k", Hour, CancellationToken.None);
        var afterRenewal = await Store.Dedupe.TryRememberAsync("k", Hour, CancellationToken.None);

        Assert.That((justBefore, atExpiry, afterRenewal), Is.EqualTo((false, true, false)));
    }

    [Test]
    public async Task TryRememberAsync_ManyParallelCallersOnTwoStores_ExactlyOneTrue()
    {
        var other = await OpenAnotherStoreAsync();
        var stores = new[] { Store, other };
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var calls = Enumerable.Range(0, 24).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await stores[i % 2].Dedupe.TryRememberAsync("envelope-7f3a", Hour, CancellationToken.None);
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(calls);

        Assert.That(results.Count(r => r), Is.EqualTo(1));
    }

    [Test]
    public async Task ForgetExpiredAsync_MixedKeys_RemovesOnlyExpiredOnes()
    {
        await Store.Dedupe.TryRememberAsync("short", TimeSpan.FromMinutes(1), CancellationToken.None);
        await Store.Dedupe.TryRememberAsync("long", Hour, CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(2));

        var removed = await Store.Dedupe.ForgetExpiredAsync(CancellationToken.None);

        Assert.That(removed, Is.EqualTo(1));
        Assert.That(await Store.Dedupe.TryRememberAsync("long", Hour, CancellationToken.None), Is.False);
    }

    [Test]
    public void TryRememberAsync_NonPositiveExpiry_Throws() =>
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.Dedupe.TryRememberAsync("k", TimeSpan.Zero, CancellationToken.None));
}

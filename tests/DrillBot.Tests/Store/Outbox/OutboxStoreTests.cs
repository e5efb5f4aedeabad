using DrillBot.Store;

namespace DrillBot.Tests.Store.Outbox;

[TestFixture(StoreEngine.Sqlite)]
[TestFixture(StoreEngine.Postgres)]
public sealed class OutboxStoreTests(StoreEngine engine) : StoreTestBase(engine)
{
    private static OutboxItem Item(string key, DateTimeOffset createdAt, string? dependsOn = null) =>
        new(key, "chat.postMessage", $$"""{"text":"{{key}}"}""", dependsOn, createdAt);

    [Test]
    public async Task EnqueueAsync_SameKeyTwice_SecondIsRefusedAndOneMessageKept()
    {
        var first = await Store.Outbox.EnqueueAsync(Item("run/r1/start", T0), CancellationToken.None);
        var second = await Store.Outbox.EnqueueAsync(Item("run/r1/start", T0.AddSeconds(1)) with { PayloadJson = "{}" }, CancellationToken.None);

        var due = await Store.Outbox.GetDueAsync(T0.AddMinutes(1), 10, CancellationToken.None);
        Assert.That((first, second), Is.EqualTo((true, false)));
        Assert.That(due.Select(m => (m.Key, m.PayloadJson)), Is.EqualTo(new[] { ("run/r1/start", """{"text":"run/r1/start"}""") }));
    }

    [Test]
    public async Task GetDueAsync_SeveralMessages_OldestFirstOnlyDueAndAtMostMax()
    {
        await Store.Outbox.EnqueueAsync(Item("c", T0.AddSeconds(2)), CancellationToken.None);
        await Store.Outbox.EnqueueAsync(Item("a", T0), CancellationToken.None);
        await Store.Outbox.EnqueueAsync(Item("b", T0.AddSeconds(1), dependsOn: "a"), CancellationToken.None);
        await Store.Outbox.EnqueueAsync(Item("future", T0.AddMinutes(5)), CancellationToken.None);

        var due = await Store.Outbox.GetDueAsync(T0.AddSeconds(2), 10, CancellationToken.None);
        var firstTwo = await Store.Outbox.GetDueAsync(T0.AddSeconds(2), 2, CancellationToken.None);

        Assert.That(due.Select(m => m.Key), Is.EqualTo(new[] { "a", "b", "c" }));
        Assert.That(firstTwo.Select(m => m.Key), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(due[1].DependsOnKey, Is.EqualTo("a"));
        Assert.That(due[0], Is.EqualTo(new OutboxMessage(due[0].Id, "a", "chat.postMessage", """{"text":"a"}""", null, 0, T0, T0, null)));
    }

    [Test]
    public async Task MarkRetryAsync_FailedAttempt_MessageWaitsUntilNextAttemptAndCountsAttempts()
    {
        await Store.Outbox.EnqueueAsync(Item("a", T0), CancellationToken.None);
        var message = (await Store.Outbox.GetDueAsync(T0, 10, CancellationToken.None)).Single();

        await Store.Outbox.MarkRetryAsync(message.Id, "slack 503", T0.AddSeconds(30), CancellationToken.None);
        var before = await Store.Outbox.GetDueAsync(T0.AddSeconds(29), 10, CancellationToken.None);
        var after = await Store.Outbox.GetDueAsync(T0.AddSeconds(30), 10, CancellationToken.None);

        Assert.That(before, Is.Empty);
        Assert.That(after.Single() with { Id = 0 }, Is.EqualTo(new OutboxMessage(0, "a", "chat.postMessage", """{"text":"a"}""", null, 1, T0, T0.AddSeconds(30), "slack 503")));
    }

    [Test]
    public async Task MarkSentAsync_Delivered_ResultReadableByKeyAndNoLongerDue()
    {
        await Store.Outbox.EnqueueAsync(Item("run/r1/start", T0), CancellationToken.None);
        var message = (await Store.Outbox.GetDueAsync(T0, 10, CancellationToken.None)).Single();
        var beforeSending = await Store.Outbox.GetResultAsync("run/r1/start", CancellationToken.None);

        await Store.Outbox.MarkSentAsync(message.Id, """{"ok":true,"ts":"1700000000.000100","channel":"C1"}""", T0.AddSeconds(1), CancellationToken.None);

        Assert.That(beforeSending, Is.Null);
        Assert.That(await Store.Outbox.GetResultAsync("run/r1/start", CancellationToken.None), Is.EqualTo("""{"ok":true,"ts":"1700000000.000100","channel":"C1"}"""));
        Assert.That(await Store.Outbox.GetDueAsync(T0.AddHours(1), 10, CancellationToken.None), Is.Empty);
        Assert.That(await Store.Outbox.GetResultAsync("unknown", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task EnqueueAsync_ManyThreadsOnTwoStores_EveryKeyStoredExactlyOnce()
    {
        var other = await OpenAnotherStoreAsync();
        var stores = new[] { Store, other };

        var attempts = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            var accepted = 0;
            for (var i = 0; i < 25; i++)
            {
                // workers 0-3 and 4-7 enqueue the same 100 keys: each key is offered twice
                if (await stores[worker % 2].Outbox.EnqueueAsync(Item($"k{worker % 4}-{i}", T0.AddMilliseconds(i)), CancellationToken.None))
                {
                    accepted++;
                }
            }

            return accepted;
        }));
        var accepted = await Task.WhenAll(attempts);

        Assert.That(accepted.Sum(), Is.EqualTo(100));
        Assert.That(await RawSql.CountAsync(Database.Location, "drillbot_outbox"), Is.EqualTo(100));
    }
}

using DrillBot.Slack.BlockKit;
using DrillBot.Slack.Outbox;
using DrillBot.Slack.WebApi;
using DrillBot.Store;
using DrillBot.Tests.Slack.Fakes;

namespace DrillBot.Tests.Slack.Outbox;

public sealed class SlackOutboxDispatcherTests
{
    private ObservableTimeProvider clock = null!;
    private FakeSlackServer slack = null!;
    private HttpClient http = null!;
    private InMemoryOutboxStore store = null!;
    private OutboxSignal signal = null!;
    private SlackOutbox outbox = null!;

    [SetUp]
    public async Task SetUp()
    {
        clock = new ObservableTimeProvider();
        slack = await FakeSlackServer.StartAsync(clock);
        http = new HttpClient();
        store = new InMemoryOutboxStore();
        signal = new OutboxSignal();
        outbox = new SlackOutbox(store, "C0DRILLS", clock, signal);
    }

    [TearDown]
    public async Task TearDown()
    {
        http.Dispose();
        await slack.DisposeAsync();
    }

    // In-call retries off: the outbox's own backoff is under test, driven by the fake clock.
    private SlackOutboxDispatcher Dispatcher(SlackOutboxOptions? options = null) =>
        new(store, new SlackWebApiClient(http, new SlackWebApiOptions(slack.ApiBase, "xoxb-t") { Resilience = new() { MaxRetryAttempts = 0, MinimumThroughput = 100 } }, clock), clock, options ?? new SlackOutboxOptions(), signal);

    private static SlackRunView Run(string id) => new() { Drill = "reviews-failover", RunId = id, TriggerKind = "schedule" };

    private async Task EnqueueRunAsync(string id, int progressLines)
    {
        await outbox.RunStartedAsync(Run(id), CancellationToken.None);
        for (var n = 1; n <= progressLines; n++)
        {
            await outbox.RunProgressAsync(id, n, new SlackProgressEvent(SlackProgressKind.Note, clock.GetUtcNow(), $"{id} line {n}"), null, CancellationToken.None);
        }

        await outbox.RunFinishedAsync(Run(id) with { Verdict = "passed" }, CancellationToken.None);
    }

    private async Task DrainAsync(SlackOutboxDispatcher dispatcher)
    {
        for (var pass = 0; pass < 100 && store.Snapshot().Any(r => !r.Sent); pass++)
        {
            await dispatcher.DeliverDueAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.That(store.Snapshot().Where(r => !r.Sent).Select(r => r.Message.Key), Is.Empty, "everything delivered");
    }

    private List<RecordedCall> Delivered() => slack.Calls.Where(c => c.Ok).ToList();

    [Test]
    public async Task DeliverDue_RunMessages_PostThenThreadRepliesInOrderThenUpdateOfThePost()
    {
        await EnqueueRunAsync("r1", progressLines: 3);
        await DrainAsync(Dispatcher());

        var calls = Delivered();
        Assert.That(calls.Select(c => c.Method), Is.EqualTo(new[] { "chat.postMessage", "chat.postMessage", "chat.postMessage", "chat.postMessage", "chat.update" }));
        var root = calls[0];
        Assert.That(root.ThreadTs, Is.Null);
        Assert.That(root.Body!["channel"]!.GetValue<string>(), Is.EqualTo("C0DRILLS"));
        var replies = calls.Where(c => c.ThreadTs is not null).ToList();
        Assert.That(replies.Select(r => r.Text), Is.EqualTo(new[] { "Note: r1 line 1", "Note: r1 line 2", "Note: r1 line 3" }));
        Assert.That(replies.Select(r => r.ThreadTs), Has.All.EqualTo(root.Ts));
        var update = calls.Single(c => c.Method == "chat.update");
        Assert.That(update.Body!["ts"]!.GetValue<string>(), Is.EqualTo(root.Ts));
        Assert.That(update.Body["channel"]!.GetValue<string>(), Is.EqualTo("C0DRILLS"));
        Assert.That(update.Text, Does.Contain("passed"));
    }

    [Test]
    public async Task Enqueue_SameKeyTwice_SecondIsNoOpAndNothingSentTwice()
    {
        Assert.That(await outbox.RunStartedAsync(Run("r1"), CancellationToken.None), Is.True);
        Assert.That(await outbox.RunStartedAsync(Run("r1"), CancellationToken.None), Is.False);
        await DrainAsync(Dispatcher());
        Assert.That(Delivered(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task DeliverDue_SlackDownForAWhile_EverythingDeliveredAfterwardsExactlyOnceAndInOrder()
    {
        var failuresLeft = 6;
        slack.Outage = _ => Interlocked.Decrement(ref failuresLeft) >= 0 ? FakeSlackResponse.Http(503) : null;
        await EnqueueRunAsync("r1", progressLines: 2);
        await EnqueueRunAsync("r2", progressLines: 2);

        await DrainAsync(Dispatcher());

        var ok = Delivered();
        Assert.That(slack.Calls.Count(c => c.StatusCode == 503), Is.EqualTo(6), "the outage was really hit");
        Assert.That(ok, Has.Count.EqualTo(8), "2 runs × (post + 2 replies + update), each once");
        Assert.That(ok.Select(c => c.Text).Distinct().Count(), Is.EqualTo(8), "no message delivered twice");
        foreach (var run in new[] { "r1", "r2" })
        {
            var root = ok.Single(c => c.Method == "chat.postMessage" && c.ThreadTs is null && c.Text!.Contains($"run {run}", StringComparison.Ordinal));
            var replies = ok.Where(c => c.Text!.StartsWith($"Note: {run} ", StringComparison.Ordinal)).ToList();
            Assert.That(replies.Select(r => r.Text), Is.EqualTo(new[] { $"Note: {run} line 1", $"Note: {run} line 2" }));
            Assert.That(replies.Select(r => r.ThreadTs), Has.All.EqualTo(root.Ts));
            Assert.That(ok.IndexOf(replies[0]), Is.GreaterThan(ok.IndexOf(root)), "thread replies after their parent");
        }
    }

    [Test]
    public async Task DeliverDue_SlackUnavailable_BacksOffWithMarkRetryAndStopsThePass()
    {
        slack.Outage = _ => FakeSlackResponse.Http(503);
        await EnqueueRunAsync("r1", progressLines: 1);
        var before = clock.GetUtcNow();

        Assert.That(await Dispatcher().DeliverDueAsync(CancellationToken.None), Is.EqualTo(0));

        Assert.That(slack.Calls, Has.Count.EqualTo(1), "one failure ends the pass: no hammering a down Slack");
        var posted = store.Snapshot().Single(r => r.Message.Key == SlackOutboxKinds.RunPosted("r1")).Message;
        Assert.That(posted.Attempts, Is.EqualTo(1));
        Assert.That(posted.LastError, Is.EqualTo("http_503"));
        Assert.That(posted.NextAttemptAt, Is.EqualTo(before + TimeSpan.FromSeconds(2)));
    }

    [Test]
    public async Task DeliverDue_RateLimitedLongerThanBackoff_NextAttemptHonoursRetryAfter()
    {
        slack.Enqueue(FakeSlackResponse.RateLimited(TimeSpan.FromSeconds(90)));
        await outbox.RunStartedAsync(Run("r1"), CancellationToken.None);
        var before = clock.GetUtcNow();
        await Dispatcher().DeliverDueAsync(CancellationToken.None);
        var message = store.Snapshot().Single().Message;
        Assert.That(message.NextAttemptAt, Is.EqualTo(before + TimeSpan.FromSeconds(90)));
    }

    [Test]
    public async Task DeliverDue_ChannelNotFound_DeadLettersPostAndItsDependentsWithoutRetrying()
    {
        slack.Enqueue(FakeSlackResponse.SlackError("channel_not_found"));
        await EnqueueRunAsync("r1", progressLines: 1);
        await DrainAsync(Dispatcher());

        Assert.That(slack.Calls, Has.Count.EqualTo(1), "nothing retried, nothing sent for the dead message's thread");
        var results = store.Snapshot().Select(r => r.Result).ToList();
        Assert.That(results, Has.All.Contain("\"deadLetter\":true"));
        Assert.That(results[0], Does.Contain("channel_not_found"));
    }

    [Test]
    public async Task DeliverDue_RestartWithSameStore_NothingResent()
    {
        await EnqueueRunAsync("r1", progressLines: 2);
        await Dispatcher(new SlackOutboxOptions { BatchSize = 2 }).DeliverDueAsync(CancellationToken.None); // "crashes" after two
        Assert.That(Delivered(), Has.Count.EqualTo(2));

        await DrainAsync(Dispatcher()); // a new process: new dispatcher and client, same store
        await Dispatcher().DeliverDueAsync(CancellationToken.None);

        var ok = Delivered();
        Assert.That(ok, Has.Count.EqualTo(4));
        Assert.That(ok.Select(c => c.Text).Distinct().Count(), Is.EqualTo(4));
    }

    [Test]
    public async Task DeliverDue_ResponseUrlReply_PostedOnce()
    {
        await outbox.RespondAsync("slack/reply/t1", slack.ResponseUrl("t1").ToString(), CommandReplies.Help(), CancellationToken.None);
        await DrainAsync(Dispatcher());
        var call = Delivered().Single();
        Assert.That(call.Method, Is.EqualTo("response_url"));
        Assert.That(call.Body!["response_type"]!.GetValue<string>(), Is.EqualTo("ephemeral"));
    }

    [Test]
    public async Task DeliverDue_UnreadablePayloadOrUnknownKind_DeadLetteredNotCrashing()
    {
        await store.EnqueueAsync(new OutboxItem("bad/1", SlackOutboxKinds.Post, "{not json", null, clock.GetUtcNow()), CancellationToken.None);
        await store.EnqueueAsync(new OutboxItem("bad/2", "carrier.pigeon", "{}", null, clock.GetUtcNow()), CancellationToken.None);
        await Dispatcher().DeliverDueAsync(CancellationToken.None);
        Assert.That(store.Snapshot().Select(r => r.Sent), Has.All.True);
        Assert.That(slack.Calls, Is.Empty);
    }

    [Test]
    public async Task ExecuteAsync_EnqueueSignalsTheLoop_DeliversWithoutWaitingForPollAndStopsCleanly()
    {
        var dispatcher = Dispatcher(new SlackOutboxOptions { PollInterval = TimeSpan.FromHours(1) });
        await dispatcher.StartAsync(CancellationToken.None);
        await outbox.RunStartedAsync(Run("r1"), CancellationToken.None);
        await slack.WaitForCallsAsync(calls => calls.Count(c => c.Ok) == 1);

        var stop = dispatcher.StopAsync(CancellationToken.None);
        Assert.That(await Task.WhenAny(stop, Task.Delay(TimeSpan.FromSeconds(10))), Is.SameAs(stop), "stops promptly");
        Assert.That(store.Snapshot().Single().Sent, Is.True);
        dispatcher.Dispose();
    }
}

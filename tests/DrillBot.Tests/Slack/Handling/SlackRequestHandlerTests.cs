using System.Text;
using System.Text.Json.Nodes;
using DrillBot.Slack.Access;
using DrillBot.Slack.Handling;
using DrillBot.Slack.Outbox;
using DrillBot.Tests.Slack.Fakes;

namespace DrillBot.Tests.Slack.Handling;

public sealed class SlackRequestHandlerTests
{
    private ObservableTimeProvider clock = null!;
    private InMemoryOutboxStore store = null!;
    private FakeDrillService service = null!;
    private SlackCommandProcessor processor = null!;
    private SlackRequestHandler handler = null!;

    [SetUp]
    public void SetUp()
    {
        clock = new ObservableTimeProvider();
        store = new InMemoryOutboxStore();
        service = new FakeDrillService();
        var options = new SlackHandlerOptions { SigningSecret = SignedRequests.Secret, Channel = "C0DRILLS", AllowedUsers = SlackAllowedUsers.Parse("U0ALLOWED") };
        processor = new SlackCommandProcessor(options, service, new InMemorySlackDeliveryDedupe(clock), new SlackOutbox(store, "C0DRILLS", clock, new OutboxSignal()), clock);
        handler = new SlackRequestHandler(options, processor, clock);
    }

    [TearDown]
    public async Task TearDown() => await processor.DisposeAsync();

    private Task<SlackHttpResponse> Command(string text, string userId = "U0ALLOWED", string triggerId = "trig-1", string? retryNum = null) =>
        handler.HandleCommandAsync(SignedRequests.Sign(SignedRequests.CommandBody(text, userId, triggerId), clock, retryNum));

    private static string ReplyText(SlackHttpResponse response) => Json.Text(JsonNode.Parse(response.Body));

    [Test]
    public async Task HandleCommand_SignedList_AnswersInlineEphemeralWithDrills()
    {
        var response = await Command("list");
        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.ContentType, Does.StartWith("application/json"));
        Assert.That(JsonNode.Parse(response.Body)!["response_type"]!.GetValue<string>(), Is.EqualTo("ephemeral"));
        Assert.That(ReplyText(response), Does.Contain("reviews-failover"));
        Assert.That((response.Kind, response.Result), Is.EqualTo(("command", "ok")));
    }

    [Test]
    public async Task HandleCommand_ForgedSignature_401AndNothingStarted()
    {
        var request = SignedRequests.Sign(SignedRequests.CommandBody("run reviews-failover"), clock, secret: "wrong-secret");
        var response = await handler.HandleCommandAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(401));
        Assert.That(response.Result, Is.EqualTo("unauthorized"));
        Assert.That(service.Starts, Is.Empty);
    }

    [Test]
    public async Task HandleCommand_StaleTimestamp_401()
    {
        var request = SignedRequests.Sign(SignedRequests.CommandBody("list"), clock);
        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.That((await handler.HandleCommandAsync(request)).StatusCode, Is.EqualTo(401));
    }

    [Test]
    public async Task HandleCommand_MissingHeaders_401() =>
        Assert.That((await handler.HandleCommandAsync(new SlackHttpRequest("text=list", SignedRequests.FormType, null, null))).StatusCode, Is.EqualTo(401));

    [Test]
    public async Task HandleCommand_JsonContentType_415() =>
        Assert.That((await handler.HandleCommandAsync(SignedRequests.Sign("{}", clock, contentType: "application/json"))).StatusCode, Is.EqualTo(415));

    [Test]
    public async Task HandleCommand_OversizeBody_413() =>
        Assert.That((await handler.HandleCommandAsync(SignedRequests.Sign("text=" + new string('a', 70_000), clock))).StatusCode, Is.EqualTo(413));

    [Test]
    public async Task HandleCommand_SslCheck_200EmptyAndNothingCalled()
    {
        var response = await handler.HandleCommandAsync(SignedRequests.Sign("ssl_check=1&token=x", clock));
        Assert.That((response.StatusCode, response.Body, response.Result), Is.EqualTo((200, "", "ssl_check")));
        Assert.That(service.Starts, Is.Empty);
    }

    [Test]
    public async Task HandleCommand_RunByUserNotAllowed_PoliteEphemeralRefusalAndNotStarted()
    {
        var response = await Command("run reviews-failover", userId: "U0STRANGER");
        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(ReplyText(response), Does.Contain("Sorry, you are not allowed to start drills"));
        Assert.That(response.Result, Is.EqualTo("forbidden"));
        Assert.That(service.Starts, Is.Empty);
    }

    [Test]
    public async Task HandleCommand_HistoryByUserNotAllowed_Answered()
    {
        var response = await Command("history reviews-failover", userId: "U0STRANGER");
        Assert.That(ReplyText(response), Does.Contain("old-1"));
    }

    [Test]
    public async Task HandleCommand_RunAllowed_StartsWithSlackTriggerAndNamesChannel()
    {
        var response = await Command("run reviews-failover --dry-run");
        var start = service.Starts.Single();
        Assert.That((start.Drill, start.DryRun, start.UserId, start.UserName, start.DeliveryKey), Is.EqualTo(("reviews-failover", true, "U0ALLOWED", "ann", "trig-1")));
        Assert.That(ReplyText(response), Does.Contain("run-reviews-failover").And.Contain("<#C0DRILLS>"));
    }

    [Test]
    public async Task HandleCommand_RedeliveredWithRetryNum_NeverStartsASecondDrill()
    {
        await Command("run reviews-failover");
        var retry = await Command("run reviews-failover", retryNum: "1");
        var third = await Command("run reviews-failover", retryNum: "2");
        Assert.That(service.Starts, Has.Count.EqualTo(1));
        Assert.That((retry.Result, third.Result), Is.EqualTo(("duplicate", "duplicate")));
        Assert.That(ReplyText(retry), Does.Contain("already handled"));
    }

    [Test]
    public async Task HandleCommand_NewTriggerId_StartsAgain()
    {
        await Command("run reviews-failover", triggerId: "a");
        await Command("run reviews-failover", triggerId: "b");
        Assert.That(service.Starts, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task HandleCommand_Malformed_UsageAnswerNothingCalled()
    {
        var response = await Command("run");
        Assert.That(ReplyText(response), Does.Contain("Usage"));
        Assert.That(response.Result, Is.EqualTo("usage"));
    }

    [Test]
    public async Task HandleCommand_ServiceThrows_FriendlyAnswerNot500()
    {
        service.Throw = true;
        var response = await Command("status");
        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(ReplyText(response), Does.Contain("Something went wrong"));
    }

    [Test]
    public async Task HandleCommand_SlowService_AcksWithinBudgetThenAnswersViaResponseUrlOutbox()
    {
        var gate = new TaskCompletionSource();
        service.Gate = gate.Task;
        var pending = Command("list");
        await clock.WaitForTimerAsync(d => d == TimeSpan.FromMilliseconds(250));
        Assert.That(pending.IsCompleted, Is.False, "waits for the service up to the budget");
        clock.Advance(TimeSpan.FromMilliseconds(250));
        var response = await pending;
        Assert.That((response.StatusCode, response.Result), Is.EqualTo((200, "deferred")));
        Assert.That(ReplyText(response), Does.Contain("Working on it"));

        gate.SetResult();
        await processor.DrainAsync();
        var reply = store.Snapshot().Single().Message;
        Assert.That(reply.Key, Is.EqualTo("slack/command/trig-1/reply"));
        Assert.That(reply.Kind, Is.EqualTo(SlackOutboxKinds.Respond));
        Assert.That(reply.PayloadJson, Does.Contain("https://hooks.example/commands/1").And.Contain("reviews-failover"));
    }

    [Test]
    public async Task HandleInteraction_AbortClick_AnswersAtOnceAbortsInBackgroundAndReplies()
    {
        var response = await handler.HandleInteractionAsync(SignedRequests.Sign(SignedRequests.InteractionBody("drill_abort", "run-7"), clock));
        Assert.That((response.StatusCode, response.Body, response.Result), Is.EqualTo((200, "", "ok")));
        await processor.DrainAsync();
        Assert.That(service.Aborts.Single(), Is.EqualTo(("run-7", "U0ALLOWED")));
        var reply = store.Snapshot().Single().Message;
        Assert.That(reply.PayloadJson, Does.Contain("https://hooks.example/actions/1").And.Contain("Aborting"));
    }

    [Test]
    public async Task HandleInteraction_DoubleClickSameTrigger_AbortsOnce()
    {
        await handler.HandleInteractionAsync(SignedRequests.Sign(SignedRequests.InteractionBody("drill_abort", "run-7"), clock));
        var again = await handler.HandleInteractionAsync(SignedRequests.Sign(SignedRequests.InteractionBody("drill_abort", "run-7"), clock, retryNum: "1"));
        await processor.DrainAsync();
        Assert.That(service.Aborts, Has.Count.EqualTo(1));
        Assert.That(again.Result, Is.EqualTo("duplicate"));
    }

    [Test]
    public async Task HandleInteraction_NotAllowed_RefusedPolitelyViaResponseUrlNoAbort()
    {
        var response = await handler.HandleInteractionAsync(SignedRequests.Sign(SignedRequests.InteractionBody("drill_abort", "run-7", userId: "U0STRANGER"), clock));
        Assert.That((response.StatusCode, response.Result), Is.EqualTo((200, "forbidden")));
        Assert.That(service.Aborts, Is.Empty);
        Assert.That(store.Snapshot().Single().Message.PayloadJson, Does.Contain("not allowed to abort"));
    }

    [Test]
    public async Task HandleInteraction_UnknownAction_IgnoredWith200()
    {
        var response = await handler.HandleInteractionAsync(SignedRequests.Sign(SignedRequests.InteractionBody("something_else", "x"), clock));
        Assert.That((response.StatusCode, response.Result), Is.EqualTo((200, "ignored")));
        Assert.That(service.Aborts, Is.Empty);
    }

    [Test]
    public async Task HandleInteraction_GarbagePayload_400WithReason()
    {
        var response = await handler.HandleInteractionAsync(SignedRequests.Sign("payload=%7Bbroken", clock));
        Assert.That(response.StatusCode, Is.EqualTo(400));
        Assert.That(response.Body, Does.Contain("not valid JSON"));
    }

    [Test]
    public async Task HandleCommand_SeededFuzzOfCommandTexts_AlwaysA200AnswerNeverAnException()
    {
        var random = new Random(4242);
        for (var i = 0; i < 300; i++)
        {
            var text = new StringBuilder();
            for (var c = random.Next(0, 40); c > 0; c--)
            {
                text.Append(random.Next(4) == 0 ? (char)random.Next(0x20, 0xD7FF) : "run list abort history --dry-run <>&%+= "[random.Next(40)]);
            }

            var response = await Command(text.ToString(), triggerId: "fuzz-" + i);
            Assert.That(response.StatusCode, Is.EqualTo(200), $"text #{i}: {text}");
            Assert.That(() => JsonNode.Parse(response.Body), Throws.Nothing);
        }
    }
}

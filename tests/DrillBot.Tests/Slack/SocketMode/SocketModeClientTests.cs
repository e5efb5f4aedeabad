using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using DrillBot.Slack.Access;
using DrillBot.Slack.Handling;
using DrillBot.Slack.Outbox;
using DrillBot.Slack.SocketMode;
using DrillBot.Slack.WebApi;
using DrillBot.Tests.Slack.Fakes;

namespace DrillBot.Tests.Slack.SocketMode;

/// <summary>Socket Mode against the stand-in Slack's WebSocket endpoint on loopback (real sockets, real clock, tiny delays).</summary>
public sealed class SocketModeClientTests
{
    private FakeSlackServer slack = null!;
    private HttpClient http = null!;
    private FakeDrillService service = null!;
    private SlackCommandProcessor processor = null!;
    private SocketModeClient client = null!;
    private TestLogger<SocketModeClient> log = null!;

    [SetUp]
    public async Task SetUp()
    {
        slack = await FakeSlackServer.StartAsync();
        log = new TestLogger<SocketModeClient>();
        http = new HttpClient();
        service = new FakeDrillService();
        processor = new SlackCommandProcessor(
            new SlackHandlerOptions { AllowedUsers = SlackAllowedUsers.Everyone },
            service,
            new InMemorySlackDeliveryDedupe(TimeProvider.System),
            new SlackOutbox(new InMemoryOutboxStore(), "C1", TimeProvider.System, new OutboxSignal()),
            TimeProvider.System);
    }

    [TearDown]
    public async Task TearDown()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            await TestContext.Out.WriteLineAsync(string.Join("\n", log.Lines));
        }

        if (client is not null)
        {
            await client.StopAsync(CancellationToken.None);
            client.Dispose();
        }

        await processor.DisposeAsync();
        http.Dispose();
        await slack.DisposeAsync();
    }

    private async Task<FakeSocketConnection> StartAsync(ISocketModeHandler? handler = null, string appToken = "xapp-1-test")
    {
        var api = new SlackWebApiClient(http, new SlackWebApiOptions(slack.ApiBase, "xoxb-t") { Resilience = new() { MaxRetryAttempts = 0 } }, TimeProvider.System);
        var options = new SocketModeOptions(appToken) { ReconnectBaseDelay = TimeSpan.FromMilliseconds(20), ReconnectMaxDelay = TimeSpan.FromMilliseconds(100) };
        client = new SocketModeClient(api, options, handler ?? new SlackSocketModeHandler(processor), TimeProvider.System, log);
        await client.StartAsync(CancellationToken.None);
        return appToken.StartsWith("xapp-", StringComparison.Ordinal) ? await slack.NextSocketAsync() : null!;
    }

    private static JsonObject SlashEnvelope(string id, string text, int retry = 0) => new()
    {
        ["envelope_id"] = id,
        ["type"] = "slash_commands",
        ["accepts_response_payload"] = true,
        ["retry_attempt"] = retry,
        ["payload"] = new JsonObject { ["command"] = "/drill", ["text"] = text, ["user_id"] = "U1", ["user_name"] = "ann", ["channel_id"] = "C1", ["trigger_id"] = "trig-" + id },
    };

    private static JsonObject AbortEnvelope(string id, int retry = 0) => new()
    {
        ["envelope_id"] = id,
        ["type"] = "interactive",
        ["accepts_response_payload"] = false,
        ["retry_attempt"] = retry,
        ["payload"] = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = "U1" },
            ["trigger_id"] = "act-" + id,
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = "drill_abort", ["value"] = "run-9" }),
        },
    };

    [Test]
    public async Task Hello_SlashCommandEnvelope_AcknowledgedWithTheReplyAsPayload()
    {
        var connection = await StartAsync();
        await connection.SendAsync(SlashEnvelope("env-1", "list"));
        var ack = await connection.ReceiveAsync();
        Assert.That(ack["envelope_id"]!.GetValue<string>(), Is.EqualTo("env-1"));
        Assert.That(ack["payload"]!["response_type"]!.GetValue<string>(), Is.EqualTo("ephemeral"));
        Assert.That(Json.Text(ack["payload"]), Does.Contain("reviews-failover"));
        Assert.That(slack.Calls.Single(c => c.Method == "apps.connections.open").Authorization, Is.EqualTo("Bearer xapp-1-test"));
    }

    [Test]
    public async Task InteractiveEnvelope_AcknowledgedAtOnceWithoutPayloadAndAbortRuns()
    {
        var connection = await StartAsync();
        await connection.SendAsync(AbortEnvelope("env-2"));
        var ack = await connection.ReceiveAsync();
        Assert.That(ack.ToJsonString(), Is.EqualTo("""{"envelope_id":"env-2"}"""));
        await processor.DrainAsync();
        await WaitUntilAsync(() => !service.Aborts.IsEmpty);
        Assert.That(service.Aborts.Single(), Is.EqualTo(("run-9", "U1")));
    }

    [Test]
    public async Task RedeliveredEnvelope_AcknowledgedAgainButHandledOnce()
    {
        var handled = new CountingHandler();
        var connection = await StartAsync(handled);
        await connection.SendAsync(AbortEnvelope("env-3"));
        await connection.ReceiveAsync();
        await connection.SendAsync(AbortEnvelope("env-3", retry: 1));
        var second = await connection.ReceiveAsync();
        Assert.That(second["envelope_id"]!.GetValue<string>(), Is.EqualTo("env-3"));
        await WaitUntilAsync(() => handled.Seen.Count >= 1);
        Assert.That(handled.Seen, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task RefreshRequested_NewConnectionOpenedBeforeOldOneCloses()
    {
        var first = await StartAsync();
        await first.SendDisconnectAsync("refresh_requested");
        var second = await slack.NextSocketAsync();
        var firstClosedAt = await first.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(second.OpenedSequence, Is.LessThan(firstClosedAt), "the new connection exists before the old one is closed");

        await second.SendAsync(SlashEnvelope("env-4", "help"));
        Assert.That((await second.ReceiveAsync())["envelope_id"]!.GetValue<string>(), Is.EqualTo("env-4"));
        Assert.That(client.ConnectionsOpened, Is.EqualTo(2));
    }

    [Test]
    public async Task AbruptDrop_ReconnectsAndKeepsHandling()
    {
        var first = await StartAsync();
        first.Drop();
        var second = await slack.NextSocketAsync();
        await second.SendAsync(SlashEnvelope("env-5", "help"));
        Assert.That((await second.ReceiveAsync())["envelope_id"]!.GetValue<string>(), Is.EqualTo("env-5"));
    }

    [Test]
    public async Task LinkDisabled_StopsWithoutReconnecting()
    {
        var first = await StartAsync();
        await first.SendDisconnectAsync("link_disabled");
        await client.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(slack.Calls.Count(c => c.Method == "apps.connections.open"), Is.EqualTo(1));
    }

    [Test]
    public async Task OpenRefused_RetriedWithBackoffWithoutCrashing()
    {
        await StartAsync(appToken: "xoxb-wrong-kind");
        await slack.WaitForCallsAsync(calls => calls.Count(c => c.Method == "apps.connections.open") >= 3);
        Assert.That(client.ExecuteTask!.IsFaulted, Is.False);
        Assert.That(client.ConnectionsOpened, Is.Zero);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
    }

    private sealed class CountingHandler : ISocketModeHandler
    {
        public ConcurrentBag<string> Seen { get; } = [];

        public Task<JsonObject?> HandleAsync(Envelope envelope, CancellationToken cancellationToken)
        {
            Seen.Add(envelope.EnvelopeId);
            return Task.FromResult<JsonObject?>(null);
        }
    }
}

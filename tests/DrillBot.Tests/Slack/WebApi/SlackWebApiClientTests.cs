using System.Text.Json.Nodes;
using DrillBot.Slack.WebApi;
using DrillBot.Tests.Slack.Fakes;
using Polly.CircuitBreaker;

namespace DrillBot.Tests.Slack.WebApi;

public sealed class SlackWebApiClientTests
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(17); // distinct from every retry delay

    private ObservableTimeProvider clock = null!;
    private FakeSlackServer slack = null!;
    private HttpClient http = null!;

    [SetUp]
    public async Task SetUp()
    {
        clock = new ObservableTimeProvider();
        slack = await FakeSlackServer.StartAsync(clock);
        http = new HttpClient();
    }

    [TearDown]
    public async Task TearDown()
    {
        http.Dispose();
        await slack.DisposeAsync();
    }

    private SlackWebApiClient Client(SlackResilienceOptions? resilience = null, string token = "xoxb-test-token") =>
        new(http, new SlackWebApiOptions(slack.ApiBase, token) { Resilience = resilience ?? new SlackResilienceOptions { AttemptTimeout = AttemptTimeout } }, clock);

    [Test]
    public async Task ChatPost_Ok_SendsBearerJsonUtf8AndReturnsTsAndChannel()
    {
        var response = await Client().Chat.Post(new PostMessageRequest("C1", "héllo", [new JsonObject { ["type"] = "divider" }], "1.2"), CancellationToken.None);
        Assert.That(response.Status, Is.EqualTo(SlackCallStatus.Ok));
        Assert.That((response.Ts, response.Channel), Is.EqualTo(("1700000000.000001", "C1")));
        var call = slack.Calls.Single();
        Assert.That(call.Path, Is.EqualTo("/api/chat.postMessage"));
        Assert.That(call.Authorization, Is.EqualTo("Bearer xoxb-test-token"));
        Assert.That(call.ContentType, Is.EqualTo("application/json; charset=utf-8"));
        Assert.That((call.Text, call.ThreadTs), Is.EqualTo(("héllo", "1.2")));
    }

    [Test]
    public async Task ChatUpdate_Ok_SendsChannelTsAndBlocks()
    {
        var response = await Client().Chat.Update(new UpdateMessageRequest("C1", "1700000000.000009", "done"), CancellationToken.None);
        Assert.That(response.Ok, Is.True);
        var call = slack.Calls.Single();
        Assert.That(call.Method, Is.EqualTo("chat.update"));
        Assert.That(call.Body!["ts"]!.GetValue<string>(), Is.EqualTo("1700000000.000009"));
        Assert.That(call.Body["blocks"], Is.TypeOf<JsonArray>());
    }

    [Test]
    public async Task ChatPost_429WithRetryAfter_WaitsAtLeastRetryAfterThenSucceeds()
    {
        slack.Enqueue(FakeSlackResponse.RateLimited(TimeSpan.FromSeconds(7)));
        var call = Client().Chat.Post(new PostMessageRequest("C1", "x"), CancellationToken.None);

        var delay = await clock.WaitForTimerAsync(d => d != AttemptTimeout && d > TimeSpan.Zero);
        Assert.That(delay, Is.EqualTo(TimeSpan.FromSeconds(7)), "the retry waits exactly Retry-After");
        clock.Advance(TimeSpan.FromSeconds(6.9));
        Assert.That(slack.Calls, Has.Count.EqualTo(1), "no retry before Retry-After has passed");
        clock.Advance(TimeSpan.FromSeconds(0.1));

        var response = await call;
        Assert.That(response.Ok, Is.True);
        var calls = slack.Calls;
        Assert.That(calls.Select(c => c.StatusCode), Is.EqualTo(new[] { 429, 200 }));
        Assert.That(calls[1].At - calls[0].At, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(7)));
    }

    [Test]
    public async Task ChatPost_RetryAfterLongerThanInlineLimit_ReturnsRateLimitedWithoutWaiting()
    {
        slack.Enqueue(FakeSlackResponse.RateLimited(TimeSpan.FromSeconds(120)));
        var response = await Client().Chat.Post(new PostMessageRequest("C1", "x"), CancellationToken.None);
        Assert.That(response.Status, Is.EqualTo(SlackCallStatus.RateLimited));
        Assert.That(response.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(120)));
        Assert.That(slack.Calls, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ChatPost_TwoServerErrors_BacksOffExponentiallyThenSucceeds()
    {
        slack.Enqueue(FakeSlackResponse.Http(503));
        slack.Enqueue(FakeSlackResponse.Http(502));
        var call = Client().Chat.Post(new PostMessageRequest("C1", "x"), CancellationToken.None);
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 2; i++)
        {
            var delay = await clock.WaitForTimerAsync(d => d != AttemptTimeout && d > TimeSpan.Zero);
            delays.Add(delay);
            clock.Advance(delay);
        }

        Assert.That((await call).Ok, Is.True);
        Assert.That(slack.Calls.Select(c => c.StatusCode), Is.EqualTo(new[] { 503, 502, 200 }));
        Assert.That(delays, Has.All.LessThanOrEqualTo(TimeSpan.FromSeconds(10)), "capped by MaxDelay");
        Assert.That(slack.Calls[2].At - slack.Calls[0].At, Is.EqualTo(delays[0] + delays[1]));
    }

    [TestCase("invalid_auth")]
    [TestCase("channel_not_found")]
    [TestCase("not_in_channel")]
    public async Task ChatPost_PermanentSlackError_RejectedAtOnceNotRetried(string error)
    {
        slack.Enqueue(FakeSlackResponse.SlackError(error));
        var response = await Client().Chat.Post(new PostMessageRequest("C1", "x"), CancellationToken.None);
        Assert.That(response.Status, Is.EqualTo(SlackCallStatus.Rejected));
        Assert.That(response.Error, Is.EqualTo(error));
        Assert.That(response.IsRetryable, Is.False);
        Assert.That(slack.Calls, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ChatPost_SlackDown_CircuitOpensThenFailsFastThenRecoversAfterBreak()
    {
        slack.Outage = _ => FakeSlackResponse.Http(503);
        var client = Client(new SlackResilienceOptions { MaxRetryAttempts = 0, MinimumThroughput = 3, FailureRatio = 0.5, BreakDuration = TimeSpan.FromSeconds(30), AttemptTimeout = AttemptTimeout });
        for (var i = 0; i < 3; i++)
        {
            Assert.That((await client.Chat.Post(new PostMessageRequest("C1", "x"), CancellationToken.None)).Status, Is.EqualTo(SlackCallStatus.Unavailable));
        }

        Assert.That(client.CircuitState, Is.EqualTo(CircuitState.Open));
        var fast = await client.Chat.Post(new PostMessageRequest("C1", "x"), CancellationToken.None);
        Assert.That(fast.Status, Is.EqualTo(SlackCallStatus.CircuitOpen));
        Assert.That(fast.RetryAfter, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(slack.Calls, Has.Count.EqualTo(3), "an open circuit sends nothing");

        slack.Outage = null;
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.That((await client.Chat.Post(new PostMessageRequest("C1", "x"), CancellationToken.None)).Ok, Is.True);
        Assert.That(client.CircuitState, Is.EqualTo(CircuitState.Closed));
    }

    [Test]
    public async Task ChatPost_RateLimitsDoNotOpenTheCircuit()
    {
        var client = Client(new SlackResilienceOptions { MaxRetryAttempts = 0, MinimumThroughput = 2, AttemptTimeout = AttemptTimeout });
        for (var i = 0; i < 4; i++)
        {
            slack.Enqueue(FakeSlackResponse.RateLimited(TimeSpan.FromSeconds(1)));
            await client.Chat.Post(new PostMessageRequest("C1", "x"), CancellationToken.None);
        }

        Assert.That(client.CircuitState, Is.EqualTo(CircuitState.Closed));
    }

    [Test]
    public async Task ChatPost_NothingListening_UnavailableNotThrown()
    {
        using var closed = new HttpClient();
        var client = new SlackWebApiClient(closed, new SlackWebApiOptions(new Uri("http://127.0.0.1:9/api/"), "xoxb-x") { Resilience = new() { MaxRetryAttempts = 0 } }, clock);
        var response = await client.Chat.Post(new PostMessageRequest("C1", "x"), CancellationToken.None);
        Assert.That(response.Status, Is.EqualTo(SlackCallStatus.Unavailable));
        Assert.That(response.Error, Does.StartWith("network_error"));
    }

    [Test]
    public async Task PostToResponseUrl_PlainOkAnswer_OkWithoutBearer()
    {
        var response = await Client().PostToResponseUrl(slack.ResponseUrl("abc"), new JsonObject { ["text"] = "hi", ["response_type"] = "ephemeral" }, CancellationToken.None);
        Assert.That(response.Ok, Is.True);
        Assert.That(slack.Calls.Single().Authorization, Is.Empty);
    }

    [Test]
    public async Task PostToResponseUrl_Expired404_Rejected()
    {
        slack.Enqueue(new FakeSlackResponse(404, Text: "expired_url"));
        var response = await Client().PostToResponseUrl(slack.ResponseUrl("old"), [], CancellationToken.None);
        Assert.That(response.Status, Is.EqualTo(SlackCallStatus.Rejected));
    }

    [Test]
    public async Task AppsOpenConnection_AppToken_ReturnsWebSocketUrl()
    {
        var response = await Client().Apps.OpenConnection("xapp-1-abc", CancellationToken.None);
        Assert.That(response.Url, Does.StartWith("ws://127.0.0.1:"));
        Assert.That(slack.Calls.Single().Authorization, Is.EqualTo("Bearer xapp-1-abc"));
    }
}

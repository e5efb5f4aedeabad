using DrillBot.Tests.Service.Support;
using DrillBot.Tests.Slack.Fakes;

namespace DrillBot.Tests.Service.EndToEnd;

/// <summary>Runs reported while Slack is down or rate limiting: delivered afterwards, each message once, in order.</summary>
[NonParallelizable]
public sealed class SlackDeliveryTests
{
    private ServiceHarness service = null!;
    private FakeSlackServer slack = null!;

    [SetUp]
    public async Task SetUp()
    {
        service = await ServiceHarness.StartAsync(new ServiceHarness.Options { WithSlack = true });
        slack = service.Slack!;
    }

    [TearDown]
    public async Task TearDown()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            await TestContext.Out.WriteLineAsync(service.Logs.Text);
        }

        await service.DisposeAsync();
    }

    [Test]
    public async Task SlackDown_DuringWholeRun_EveryMessageDeliveredAfterwardsOnceAndInOrder()
    {
        slack.Outage = method => method.StartsWith("chat.", StringComparison.Ordinal) ? FakeSlackResponse.Http(503) : null;
        var runId = await service.StartAsync("reviews-distribution");
        await service.WaitForReportAsync(runId);
        await Eventually.WaitAsync(() => slack.Calls.Count(c => !c.Ok) >= 2, "failed delivery attempts while Slack is down");
        Assert.That(slack.Calls.Where(c => c.Ok && c.Method.StartsWith("chat.", StringComparison.Ordinal)), Is.Empty, "nothing got through during the outage");

        slack.Outage = null;
        var thread = await Eventually.WaitAsync(() => Task.FromResult(SlackThread.Of(slack.Calls, runId) is { Result: not null } t && t.ReplyTexts.Contains("PhaseChanged: failback") ? t : null), "delivery after the outage");
        await Task.Delay(500); // anything sent twice would arrive now
        var okChat = slack.Calls.Where(c => c.Ok && c.Method.StartsWith("chat.", StringComparison.Ordinal)).ToList();
        var texts = SlackThread.Of(slack.Calls, runId)!.ReplyTexts;

        Assert.That(okChat.Count(c => c.Method == "chat.postMessage" && c.ThreadTs is null), Is.EqualTo(1), "the run message once");
        Assert.That(okChat.Count(c => c.Method == "chat.update"), Is.EqualTo(1), "the result once");
        Assert.That(texts, Is.Unique, "no thread line twice");
        Assert.That(texts, Is.EqualTo(new[]
        {
            "PhaseChanged: preflight", "PhaseChanged: steady state", "PhaseChanged: steps", texts[3], "PhaseChanged: observe",
            "PhaseChanged: restore", "RestoreDone: verified", "PhaseChanged: failback",
        }));
        Assert.That(texts[3], Does.StartWith("Note: Step 1 (distributeTraffic)"));
        Assert.That(okChat.IndexOf(thread.Posted), Is.LessThan(okChat.IndexOf(thread.Replies[0])), "the thread after its parent");
    }

    [Test]
    public async Task RateLimited_429WithRetryAfter_NextAttemptWaitsAtLeastThatLong()
    {
        slack.Enqueue(FakeSlackResponse.RateLimited(TimeSpan.FromSeconds(1)), "chat.postMessage");
        var runId = await service.StartAsync("reviews-distribution");
        await Eventually.WaitAsync(() => SlackThread.Of(slack.Calls, runId) is not null, "the run message after the 429");
        var posts = slack.Calls.Where(c => c.Method == "chat.postMessage").ToList();

        Assert.That(posts[0].StatusCode, Is.EqualTo(429));
        Assert.That(posts[1].Ok, Is.True);
        Assert.That(posts[1].At - posts[0].At, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.95)), "Retry-After: 1 honoured");
        await service.WaitForReportAsync(runId);
    }
}

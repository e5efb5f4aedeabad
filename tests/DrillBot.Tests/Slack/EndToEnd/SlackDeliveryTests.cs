using DrillBot.Tests.Service.Support;
using DrillBot.Tests.Slack.Fakes;

namespace DrillBot.Tests.Slack.EndToEnd;

/// <summary>Runs reported while Slack is down or rate limiting: delivered afterwards, each message once, in order.</summary>
[NonParallelizable]
public sealed class SlackDeliveryTests : SlackServiceFixture
{
    [Test]
    public async Task SlackDown_DuringWholeRun_EveryMessageDeliveredAfterwardsOnceAndInOrder()
    {
        Slack.Outage = method => method.StartsWith("chat.", StringComparison.Ordinal) ? FakeSlackResponse.Http(503) : null;
        var runId = await Service.StartAsync("reviews-distribution");
        await Service.WaitForReportAsync(runId);
        await Eventually.WaitAsync(() => Slack.Calls.Count(c => !c.Ok) >= 2, "failed delivery attempts while Slack is down");
        Assert.That(Slack.Calls.Where(c => c.Ok && c.Method.StartsWith("chat.", StringComparison.Ordinal)), Is.Empty, "nothing got through during the outage");

        Slack.Outage = null;
        var thread = await Eventually.WaitAsync(() => Task.FromResult(SlackThread.Of(Slack.Calls, runId) is { Result: not null } t && t.ReplyTexts.Contains("PhaseChanged: failback") ? t : null), "delivery after the outage");
        await Task.Delay(500); // anything sent twice would arrive now
        var okChat = Slack.Calls.Where(c => c.Ok && c.Method.StartsWith("chat.", StringComparison.Ordinal)).ToList();
        var texts = SlackThread.Of(Slack.Calls, runId)!.ReplyTexts;

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
        Slack.Enqueue(FakeSlackResponse.RateLimited(TimeSpan.FromSeconds(1)), "chat.postMessage");
        var runId = await Service.StartAsync("reviews-distribution");
        await Eventually.WaitAsync(() => SlackThread.Of(Slack.Calls, runId) is not null, "the run message after the 429");
        var posts = Slack.Calls.Where(c => c.Method == "chat.postMessage").ToList();

        Assert.That(posts[0].StatusCode, Is.EqualTo(429));
        Assert.That(posts[1].Ok, Is.True);
        Assert.That(posts[1].At - posts[0].At, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.95)), "Retry-After: 1 honoured");
        await Service.WaitForReportAsync(runId);
    }
}

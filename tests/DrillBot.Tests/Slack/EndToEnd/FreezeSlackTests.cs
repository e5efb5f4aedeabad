using System.Net;
using DrillBot.Tests.Service.Support;
using DrillBot.Tests.Slack.Fakes;

namespace DrillBot.Tests.Slack.EndToEnd;

/// <summary>
/// <c>/drill freeze REASON</c> and <c>/drill unfreeze</c> with the stand-in Slack: anyone may freeze (SLACK_FREEZE_USERS
/// defaults to everyone), only SLACK_ALLOWED_USERS may unfreeze; a freeze stops the running drill (restored, reported
/// <c>aborted: frozen by @x: REASON</c>, said in its thread), is announced in the channel and shown by <c>/drill status</c>.
/// </summary>
[NonParallelizable]
public sealed class FreezeSlackTests : SlackServiceFixture
{
    private const string Stranger = "U0STRANGER";

    [Test]
    public async Task FreezeByAnyone_StopsTheRunningDrillAnnouncesItAndOnlyAllowedUsersUnfreeze()
    {
        var before = LabState.Snapshot(Service.Lab);
        var runId = await Service.StartAsync("slow-failover");
        await Service.WaitForPhaseAsync(runId, "steps");

        var frozen = await CommandAsync("freeze \"bad latency in cn-shanghai\"", Stranger, "f1");
        var report = await Service.WaitForReportAsync(runId);
        var thread = await Eventually.WaitAsync(() => Task.FromResult(SlackThread.Of(Slack.Calls, runId) is { Result: not null } t ? t : null), "the result in Slack");
        var status = await CommandAsync("status", Stranger, "s1");
        var refusedRun = await CommandAsync("run reviews-distribution", ServiceHarness.AllowedUser, "r1");
        var strangerUnfreeze = await CommandAsync("unfreeze", Stranger, "u1");
        var unfrozen = await CommandAsync("unfreeze", ServiceHarness.AllowedUser, "u2");
        var announcements = await Eventually.WaitAsync(
            () => Task.FromResult(Slack.Calls.Where(c => c.Ok && c.Method == "chat.postMessage" && c.ThreadTs is null && c.Text?.StartsWith("DrillBot ", StringComparison.Ordinal) == true).Select(c => c.Text!).ToList() is { Count: 2 } list ? list : null),
            "the freeze and unfreeze announcements");

        Assert.That(frozen, Does.Contain("Frozen.").And.Contain(runId));
        Assert.That(report["verdict"]!.GetValue<string>(), Is.EqualTo("aborted"));
        Assert.That(report["reasons"]!.ToJsonString(), Does.Contain("aborted: frozen by @ann: bad latency in cn-shanghai"));
        Assert.That(report["restore"]!["status"]!.GetValue<string>(), Is.EqualTo("verified"));
        Assert.That(thread.ReplyTexts, Has.Some.EqualTo("Frozen: frozen by @ann: bad latency in cn-shanghai"));
        Assert.That(status, Does.Contain("*Frozen* by @ann: bad latency in cn-shanghai"));
        Assert.That(refusedRun, Does.Contain("Not started: DrillBot is frozen by @ann"));
        Assert.That(strangerUnfreeze, Does.Contain("not allowed to unfreeze DrillBot"));
        Assert.That(unfrozen, Does.Contain("Unfrozen"));
        Assert.That(announcements[0], Does.StartWith("DrillBot frozen by @ann: bad latency in cn-shanghai"));
        Assert.That(announcements[1], Does.StartWith("DrillBot unfrozen by @ann"));
        Assert.That(LabState.Snapshot(Service.Lab), Is.EqualTo(before));
    }

    [Test]
    public async Task Freeze_WithoutReason_UsageAndNothingFrozen()
    {
        var reply = await CommandAsync("freeze", Stranger, "f0");
        var (_, state) = await Service.SendAsync(HttpMethod.Get, "/api/freeze");

        Assert.That(reply, Does.Contain("freeze needs a reason"));
        Assert.That(state["frozen"]!.GetValue<bool>(), Is.False);
    }

    private async Task<string> CommandAsync(string text, string user, string trigger)
    {
        using var answer = await Service.PostSlackAsync("/slack/commands", SignedRequests.CommandBody(text, user, trigger, Slack.ResponseUrl(trigger).ToString()));
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var reply = await answer.Content.ReadAsStringAsync();
        return reply.Contains("Working on it", StringComparison.Ordinal)
            ? await Eventually.WaitAsync(() => Task.FromResult(Slack.Calls.FirstOrDefault(c => c.Method == "response_url" && c.Path.EndsWith("/" + trigger, StringComparison.Ordinal))?.Body?.ToJsonString()), "the deferred answer")
            : reply;
    }
}

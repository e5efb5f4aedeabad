using System.Diagnostics;
using System.Net;
using DrillBot.Slack.BlockKit;
using DrillBot.Tests.Service.Support;
using DrillBot.Tests.Slack.Fakes;

namespace DrillBot.Tests.Slack.EndToEnd;

/// <summary>
/// A signed <c>/drill run</c> against <c>serve</c> with the Lab behind it and the stand-in Slack on
/// loopback: acknowledged at once, the run in the channel with Abort, numbered progress in its thread,
/// the result replacing the message; the Lab back exactly as it was.
/// </summary>
[NonParallelizable]
public sealed class SlackEndToEndTests : SlackServiceFixture
{
    [Test]
    public async Task SlashRun_SignedCommand_AckedAtOnceThenChannelMessageThreadAndPassedResult()
    {
        var before = LabState.Snapshot(Service.Lab);
        var clock = Stopwatch.StartNew();
        using var ack = await Service.PostSlackAsync("/slack/commands", SignedRequests.CommandBody("run reviews-failover", ServiceHarness.AllowedUser, "trig-e2e", Slack.ResponseUrl("e2e").ToString()));
        var ackTime = clock.Elapsed;
        var ackText = await ack.Content.ReadAsStringAsync();
        var runId = await Service.WaitForLatestRunIdAsync();
        var (_, status) = await Service.SendAsync(HttpMethod.Get, $"/api/runs/{runId}");

        Assert.That(ack.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(ackText, Does.Contain("Started").And.Contain(runId));
        Assert.That(status["status"]!.GetValue<string>(), Is.EqualTo("running"), "acknowledged before the run ended");
        Assert.That(ackTime, Is.LessThan(TimeSpan.FromSeconds(3)));

        var thread = await Eventually.WaitAsync(() => Task.FromResult(SlackThread.Of(Slack.Calls, runId) is { Result: not null } t ? t : null), "the result in Slack");
        var report = await Service.WaitForReportAsync(runId);

        Assert.That(thread.Posted.Body!["channel"]!.GetValue<string>(), Is.EqualTo(ServiceHarness.Channel));
        Assert.That(thread.Posted.Body.ToJsonString(), Does.Contain(SlackActionIds.Abort).And.Contain("confirm"));
        Assert.That(thread.ReplyTexts, Is.EqualTo(new[]
        {
            "PhaseChanged: preflight", "PhaseChanged: steady state", "PhaseChanged: steps",
            "FaultApplied: " + thread.ReplyTexts[3]["FaultApplied: ".Length..],
            "Note: " + thread.ReplyTexts[4]["Note: ".Length..],
            "PhaseChanged: observe",
            "RecoveryDetected: cn-shanghai", "PhaseChanged: restore", "RestoreDone: verified", "PhaseChanged: failback",
        }).Or.EqualTo(new[]
        {
            "PhaseChanged: preflight", "PhaseChanged: steady state", "PhaseChanged: steps",
            "FaultApplied: " + thread.ReplyTexts[3]["FaultApplied: ".Length..],
            "Note: " + thread.ReplyTexts[4]["Note: ".Length..],
            "RecoveryDetected: cn-shanghai", "PhaseChanged: observe",
            "PhaseChanged: restore", "RestoreDone: verified", "PhaseChanged: failback",
        }), "numbered progress lines, in order, in the run's thread");
        var result = thread.Result!.Body!.ToJsonString();
        Assert.That(thread.Result.Text, Does.Contain("passed"));
        Assert.That(result, Does.Contain("verified").And.Contain("cn-shanghai").And.Contain($"/runs/{runId}").And.Not.Contain(SlackActionIds.Abort));
        Assert.That(report["verdict"]!.GetValue<string>(), Is.EqualTo("passed"));
        Assert.That(report["trigger"]!["kind"]!.GetValue<string>(), Is.EqualTo("slack"));
        Assert.That(LabState.Snapshot(Service.Lab), Is.EqualTo(before));
    }

    [Test]
    public async Task AbortButton_ClickedMidDrill_AbortedRestoredAndReported()
    {
        var before = LabState.Snapshot(Service.Lab);
        using var ack = await Service.PostSlackAsync("/slack/commands", SignedRequests.CommandBody("run slow-failover", ServiceHarness.AllowedUser, "trig-abort", Slack.ResponseUrl("a").ToString()));
        var runId = await Service.WaitForLatestRunIdAsync();
        await Eventually.WaitAsync(() => SlackThread.Of(Slack.Calls, runId)?.ReplyTexts.Any(t => t.StartsWith("FaultApplied", StringComparison.Ordinal)) == true, "the fault in the thread");

        using var click = await Service.PostSlackAsync("/slack/interactions", SignedRequests.InteractionBody(SlackActionIds.Abort, runId, ServiceHarness.AllowedUser, "click-1", Slack.ResponseUrl("click").ToString()));
        var report = await Service.WaitForReportAsync(runId);
        var thread = await Eventually.WaitAsync(() => Task.FromResult(SlackThread.Of(Slack.Calls, runId) is { Result: not null } t ? t : null), "the result in Slack");

        Assert.That(click.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(report["verdict"]!.GetValue<string>(), Is.EqualTo("aborted"));
        Assert.That(report["restore"]!["status"]!.GetValue<string>(), Is.EqualTo("verified"));
        Assert.That(thread.ReplyTexts, Has.Some.StartsWith("AbortRequested: " + ServiceHarness.AllowedUser));
        Assert.That(thread.Result!.Text, Does.Contain("aborted"));
        Assert.That(Slack.Calls.Where(c => c.Method == "response_url" && c.Path.EndsWith("/click", StringComparison.Ordinal)).Select(c => c.Body?.ToJsonString()), Has.Some.Contain("Aborting"));
        Assert.That(LabState.Snapshot(Service.Lab), Is.EqualTo(before));
    }

    [Test]
    public async Task RetriedDelivery_SameTriggerWithRetryNum_StartsNothingNew()
    {
        var body = SignedRequests.CommandBody("run reviews-distribution", ServiceHarness.AllowedUser, "trig-dup", Slack.ResponseUrl("dup").ToString());
        using var first = await Service.PostSlackAsync("/slack/commands", body);
        using var retry = await Service.PostSlackAsync("/slack/commands", body, retryNum: "1");
        var retryText = await retry.Content.ReadAsStringAsync();
        var runId = await Service.WaitForLatestRunIdAsync();
        await Service.WaitForReportAsync(runId);
        var (_, runs) = await Service.SendAsync(HttpMethod.Get, "/api/runs");

        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(retryText, Does.Contain("already handled"));
        Assert.That(runs["runs"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task UserNotAllowed_RunCommand_RefusedPolitelyAndNothingStarts()
    {
        using var answer = await Service.PostSlackAsync("/slack/commands", SignedRequests.CommandBody("run reviews-failover", "U0STRANGER", "trig-x"));
        var text = await answer.Content.ReadAsStringAsync();
        var (_, runs) = await Service.SendAsync(HttpMethod.Get, "/api/runs");
        var metrics = await Service.Http.GetStringAsync("/metrics");

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(text, Does.Contain("Sorry, you are not allowed to start drills").And.Contain("ephemeral"));
        Assert.That(runs["runs"]!.AsArray(), Is.Empty);
        Assert.That(metrics, Does.Contain("drillbot_slack_requests_total{kind=\"command\",result=\"forbidden\"} 1"));
    }
}

using System.Net;
using System.Text.Json.Nodes;
using DrillBot.Slack.BlockKit;
using DrillBot.Tests.Governance;
using DrillBot.Tests.Service.Support;
using DrillBot.Tests.Slack.Fakes;

namespace DrillBot.Tests.Slack.EndToEnd;

/// <summary>
/// Approvals through the stand-in Slack: <c>reviews-distribution</c> needs 2 of [@sre-leads, U0SECOND]; @sre-leads is
/// resolved with <c>usergroups.list</c>/<c>usergroups.users.list</c> at the stand-in. A request is posted with
/// Approve/Reject; the run starts on the second distinct approval, never on the requester's; every decision is in the
/// request's thread; a rejection or the expiry closes it with nothing run.
/// </summary>
[NonParallelizable]
public sealed class ApprovalSlackTests
{
    private const string Requester = ServiceHarness.AllowedUser;
    private ServiceHarness service = null!;
    private FakeSlackServer slack = null!;

    private async Task StartAsync(string expiresAfter = "15m")
    {
        slack = await FakeSlackServer.StartAsync();
        slack.UserGroups["sre-leads"] = (GovernanceDrills.GroupId, [GovernanceDrills.Approver, Requester]);
        var directory = Directory.CreateTempSubdirectory("drillbot-approvals-").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "drills.yaml"), GovernanceDrills.WithApproval($"{{ required: 2, approvers: [\"@sre-leads\", {GovernanceDrills.SecondApprover}], expiresAfter: {expiresAfter} }}"));
        service = await ServiceHarness.StartAsync(new ServiceHarness.Options
        {
            SlackServer = slack,
            WithSlack = true,
            Directory = directory,
            Tune = o => o with { ApprovalExpiryInterval = TimeSpan.FromMilliseconds(100) },
        });
    }

    [TearDown]
    public async Task StopAsync()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            await TestContext.Out.WriteLineAsync(service.Logs.Text);
        }

        await service.DisposeAsync();
        await slack.DisposeAsync();
        Directory.Delete(service.Directory, recursive: true);
    }

    [Test]
    public async Task Approve_ByTwoDistinctApprovers_RunStartsAndEveryDecisionIsInTheThread()
    {
        await StartAsync();
        var (approvalId, reply) = await RequestAsync();

        using var first = await ClickAsync(SlackActionIds.Approve, approvalId, GovernanceDrills.Approver, "a1");
        await Eventually.WaitAsync(() => ReplyTo("a1") is not null, "the first approver's answer");
        using var repeat = await ClickAsync(SlackActionIds.Approve, approvalId, GovernanceDrills.Approver, "a1-again");
        await Eventually.WaitAsync(() => ReplyTo("a1-again") is not null, "the repeated click's answer");
        var runsAfterOne = await RunCountAsync();
        using var second = await ClickAsync(SlackActionIds.Approve, approvalId, GovernanceDrills.SecondApprover, "a2");
        var runId = await service.WaitForLatestRunIdAsync();
        var report = await service.WaitForReportAsync(runId);
        var thread = await Eventually.WaitAsync(() => Task.FromResult(Thread(approvalId) is { Count: >= 3 } t && Closed(approvalId) is not null ? t : null), "three lines in the request's thread and the closed request");
        var (_, runs) = await service.SendAsync(HttpMethod.Get, "/api/runs");
        var (_, audit) = await service.SendAsync(HttpMethod.Get, "/api/audit?drill=reviews-distribution");

        Assert.That(reply, Does.Contain("needs approval by 2 of").And.Contain(approvalId));
        Assert.That(runsAfterOne, Is.Zero, "one approval of two starts nothing");
        Assert.That(ReplyTo("a1"), Does.Contain("recorded (1 of 2)"));
        Assert.That(ReplyTo("a1-again"), Does.Contain("already decided"));
        Assert.That(thread[0], Does.Contain($"Approved by <@{GovernanceDrills.Approver}> (1 of 2)"));
        Assert.That(thread[1], Does.Contain($"Approved by <@{GovernanceDrills.SecondApprover}> (2 of 2)"));
        Assert.That(thread[2], Does.Contain($"Run {runId} started"));
        Assert.That(Closed(approvalId), Does.Contain("request approved").And.Contain(runId).And.Not.Contain(SlackActionIds.Approve));
        Assert.That(report["trigger"]!["kind"]!.GetValue<string>(), Is.EqualTo("slack"));
        Assert.That(report["trigger"]!["by"]!.GetValue<string>(), Is.EqualTo("ann"), "the run is the requester's");
        Assert.That(runs["runs"]![0]!["approvalId"]!.GetValue<string>(), Is.EqualTo(approvalId));
        Assert.That(OverrideBlackoutSlackTests.Actions(audit), Is.SupersetOf(new[] { "approval.requested", "approval.decision", "approval.approved", "run.requested", "run.started", "approval.used", "change", "restore", "run.verdict" }));
        Assert.That(slack.Calls.Where(c => c.Method == "usergroups.users.list").Select(c => c.Body!["usergroup"]!.GetValue<string>()), Has.Some.EqualTo(GovernanceDrills.GroupId), "@sre-leads resolved through Slack");
    }

    [Test]
    public async Task Reject_ByAnApprover_NothingRunsAndTheRequestIsClosed()
    {
        await StartAsync();
        var (approvalId, _) = await RequestAsync();

        using var reject = await ClickAsync(SlackActionIds.Reject, approvalId, GovernanceDrills.SecondApprover, "r1");
        var closed = await Eventually.WaitAsync(() => Task.FromResult(Closed(approvalId)), "the closed request");
        using var late = await ClickAsync(SlackActionIds.Approve, approvalId, GovernanceDrills.Approver, "late");
        await Eventually.WaitAsync(() => ReplyTo("late") is not null, "the late approver's answer");
        var (_, approval) = await service.SendAsync(HttpMethod.Get, $"/api/approvals/{approvalId}");

        Assert.That(closed, Does.Contain("request rejected").And.Contain("nothing ran"));
        Assert.That(Thread(approvalId), Has.Some.Contain($"Rejected by <@{GovernanceDrills.SecondApprover}>"));
        Assert.That(ReplyTo("late"), Does.Contain("is rejected; nothing changed"));
        Assert.That(approval["status"]!.GetValue<string>(), Is.EqualTo("rejected"));
        Assert.That(await RunCountAsync(), Is.Zero);
    }

    [Test]
    public async Task SelfApproval_RequesterInTheApproverGroup_RefusedAndNotCounted()
    {
        await StartAsync();
        var (approvalId, _) = await RequestAsync();

        using var self = await ClickAsync(SlackActionIds.Approve, approvalId, Requester, "self");
        await Eventually.WaitAsync(() => ReplyTo("self") is not null, "the requester's answer");
        using var stranger = await ClickAsync(SlackActionIds.Approve, approvalId, "U0STRANGER", "stranger");
        await Eventually.WaitAsync(() => ReplyTo("stranger") is not null, "the stranger's answer");
        var (_, approval) = await service.SendAsync(HttpMethod.Get, $"/api/approvals/{approvalId}");
        var (_, audit) = await service.SendAsync(HttpMethod.Get, "/api/audit?drill=reviews-distribution");

        Assert.That(ReplyTo("self"), Does.Contain("you cannot approve it"));
        Assert.That(ReplyTo("stranger"), Does.Contain("not an approver"));
        Assert.That(approval["approvals"]!.GetValue<int>(), Is.Zero);
        Assert.That(approval["status"]!.GetValue<string>(), Is.EqualTo("pending"));
        Assert.That(Thread(approvalId), Is.Empty, "refused clicks leave no decision in the thread");
        Assert.That(OverrideBlackoutSlackTests.Actions(audit).Count(a => a == "approval.refused"), Is.EqualTo(2), "both refusals are audited");
        Assert.That(await RunCountAsync(), Is.Zero);
    }

    [Test]
    public async Task Expiry_NotApprovedInTime_ClosedWithNothingRunAndLaterClicksRefused()
    {
        await StartAsync(expiresAfter: "1s");
        var (approvalId, _) = await RequestAsync();
        using var one = await ClickAsync(SlackActionIds.Approve, approvalId, GovernanceDrills.Approver, "e1");

        var closed = await Eventually.WaitAsync(() => Task.FromResult(Closed(approvalId)), "the expired request closed");
        using var late = await ClickAsync(SlackActionIds.Approve, approvalId, GovernanceDrills.SecondApprover, "e2");
        await Eventually.WaitAsync(() => ReplyTo("e2") is not null, "the late answer");
        var metrics = await service.Http.GetStringAsync("/metrics");

        Assert.That(closed, Does.Contain("request expired").And.Contain("1 of 2 approvals"));
        Assert.That(Thread(approvalId), Has.Some.Contain("Expired at"));
        Assert.That(ReplyTo("e2"), Does.Contain("is expired; nothing changed"));
        Assert.That(metrics, Does.Contain("drillbot_approval_requests_total{drill=\"reviews-distribution\",outcome=\"expired\"} 1"));
        Assert.That(await RunCountAsync(), Is.Zero);
    }

    private async Task<(string ApprovalId, string Reply)> RequestAsync()
    {
        using var answer = await service.PostSlackAsync("/slack/commands", SignedRequests.CommandBody("run reviews-distribution", Requester, "trig-req", slack.ResponseUrl("req").ToString()));
        var reply = await answer.Content.ReadAsStringAsync();
        if (reply.Contains("Working on it", StringComparison.Ordinal))
        {
            reply = await Eventually.WaitAsync(() => Task.FromResult(slack.Calls.FirstOrDefault(c => c.Method == "response_url" && c.Path.EndsWith("/req", StringComparison.Ordinal))?.Body?.ToJsonString()), "the deferred answer");
        }

        var posted = await Eventually.WaitAsync(() => Task.FromResult(slack.Calls.FirstOrDefault(c => c.Ok && c.Method == "chat.postMessage" && c.ThreadTs is null && c.Body!.ToJsonString().Contains(SlackActionIds.Approve, StringComparison.Ordinal))), "the approval request in the channel");
        var approve = OverrideBlackoutSlackTests.Button(posted.Body!, SlackActionIds.Approve);
        Assert.That(OverrideBlackoutSlackTests.Button(posted.Body!, SlackActionIds.Reject)["confirm"], Is.Not.Null);
        Assert.That(posted.Body!["channel"]!.GetValue<string>(), Is.EqualTo(ServiceHarness.Channel));
        return (approve["value"]!.GetValue<string>(), reply);
    }

    private Task<HttpResponseMessage> ClickAsync(string action, string approvalId, string user, string trigger) =>
        service.PostSlackAsync("/slack/interactions", SignedRequests.Click(action, approvalId, user, trigger, slack.ResponseUrl(trigger).ToString(), user.ToLowerInvariant()));

    private string? ReplyTo(string hook) =>
        Unescaped(slack.Calls.FirstOrDefault(c => c.Method == "response_url" && c.Path.EndsWith("/" + hook, StringComparison.Ordinal))?.Body?.ToJsonString());

    private RecordedCall? Posted(string approvalId) =>
        slack.Calls.FirstOrDefault(c => c.Ok && c.Method == "chat.postMessage" && c.ThreadTs is null && c.Body!.ToJsonString().Contains(approvalId, StringComparison.Ordinal));

    private List<string> Thread(string approvalId) =>
        Posted(approvalId) is { } root ? slack.Calls.Where(c => c.Ok && c.Method == "chat.postMessage" && c.ThreadTs == root.Ts).Select(c => Unescaped(c.Body!.ToJsonString())!).ToList() : [];

    private string? Closed(string approvalId) =>
        Posted(approvalId) is { } root ? Unescaped(slack.Calls.FirstOrDefault(c => c.Ok && c.Method == "chat.update" && c.Body?["ts"]?.GetValue<string>() == root.Ts)?.Body?.ToJsonString()) : null;

    /// <summary>The JSON text with its \\u escapes (&lt; &gt; ` …) decoded, to search for what Slack shows.</summary>
    internal static string? Unescaped(string? json) => json is null ? null : System.Text.RegularExpressions.Regex.Unescape(json);

    private async Task<int> RunCountAsync() => (await service.SendAsync(HttpMethod.Get, "/api/runs")).Body["runs"]!.AsArray().Count;
}

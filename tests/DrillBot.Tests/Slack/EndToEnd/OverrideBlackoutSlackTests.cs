using System.Net;
using System.Text.Json.Nodes;
using DrillBot.Slack.BlockKit;
using DrillBot.Tests.Cli;
using DrillBot.Tests.Service.Support;
using DrillBot.Tests.Slack.Fakes;

namespace DrillBot.Tests.Slack.EndToEnd;

/// <summary>
/// <c>/drill run NAME --override-blackout REASON</c> against <c>serve</c> with the stand-in Slack, inside a blackout that
/// always applies: refused without the flag (naming it), asked to confirm with it, run on the asker's Confirm with the
/// override in the report, the run's Slack messages, the history (API and <c>drillbot history</c>) and the audit log;
/// nothing for Cancel, another user's click, an empty reason or a user who may not run drills.
/// </summary>
[NonParallelizable]
public sealed class OverrideBlackoutSlackTests
{
    private const string Other = "U0OTHER";
    private ServiceHarness service = null!;
    private FakeSlackServer slack = null!;

    [SetUp]
    public async Task StartAsync()
    {
        service = await ServiceHarness.StartAsync(new ServiceHarness.Options
        {
            WithSlack = true,
            Drills = new TestDrills.Options { Blackouts = [("always", "* * * ? * *")] },
            Environment = new Dictionary<string, string> { ["SLACK_ALLOWED_USERS"] = $"{ServiceHarness.AllowedUser},{Other}" },
        });
        slack = service.Slack!;
    }

    [TearDown]
    public async Task StopAsync()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            await TestContext.Out.WriteLineAsync(service.Logs.Text);
        }

        await service.DisposeAsync();
    }

    [Test]
    public async Task SlashRun_InsideBlackout_RefusedNamingTheBlackoutItsEndAndTheFlag()
    {
        var reply = await CommandAsync("run reviews-distribution", "trig-refused");

        Assert.That(reply, Does.Contain("blackout *always* is active with no end").And.Contain("/drill run reviews-distribution --override-blackout REASON"));
        Assert.That(await RunCountAsync(), Is.Zero);
    }

    [Test]
    public async Task SlashRunOverride_InsideBlackout_AsksToConfirmAndStartsNothingYet()
    {
        var reply = JsonNode.Parse(await CommandAsync("run reviews-distribution --override-blackout hotfix check", "trig-ask"))!.AsObject();

        Assert.That(Button(reply, SlackActionIds.ConfirmOverride)["confirm"], Is.Not.Null, "Confirm opens a confirm dialog too");
        Assert.That(Button(reply, SlackActionIds.CancelOverride), Is.Not.Null);
        Assert.That(reply.ToJsonString(), Does.Contain("inside blackout *always*").And.Contain("hotfix check").And.Contain("Only you can confirm"));
        Assert.That(await RunCountAsync(), Is.Zero, "nothing runs before the confirmation");
    }

    [Test]
    public async Task ConfirmClick_BySameUser_RunsWithTheOverrideInReportSlackHistoryAndAudit()
    {
        var ticket = Button(JsonNode.Parse(await CommandAsync("run reviews-distribution --override-blackout \"hotfix check\"", "trig-confirm"))!.AsObject(), SlackActionIds.ConfirmOverride)["value"]!.GetValue<string>();

        using var click = await ClickAsync(SlackActionIds.ConfirmOverride, ticket, ServiceHarness.AllowedUser, "click-confirm");
        using var again = await ClickAsync(SlackActionIds.ConfirmOverride, ticket, ServiceHarness.AllowedUser, "click-confirm-2");
        var runId = await service.WaitForLatestRunIdAsync();
        var report = await service.WaitForReportAsync(runId);
        await Eventually.WaitAsync(() => Replies("click-confirm").Count > 0, "the answer to the click");
        var thread = await Eventually.WaitAsync(() => Task.FromResult(SlackThread.Of(slack.Calls, runId) is { Result: not null } t ? t : null), "the result in Slack");
        var (_, runs) = await service.SendAsync(HttpMethod.Get, "/api/runs");
        var (_, audit) = await service.SendAsync(HttpMethod.Get, "/api/audit?drill=reviews-distribution");
        var (historyCode, history, _) = await HistoryCommandTests.RunHistoryAsync(Path.Combine(service.Directory, "drillbot.db"));

        Assert.That(click.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(runs["runs"]!.AsArray(), Has.Count.EqualTo(1), "a second click on the same question starts nothing");
        Assert.That(report["trigger"]!["overrideBlackout"]!.ToJsonString(), Is.EqualTo("""{"blackout":"always","reason":"hotfix check","by":"ann"}"""));
        Assert.That(thread.Posted.Body!.ToJsonString(), Does.Contain("blackout *always* overridden by ann").And.Contain("hotfix check"));
        Assert.That(thread.Result!.Body!.ToJsonString(), Does.Contain("blackout *always* overridden by ann"));
        Assert.That(runs["runs"]![0]!["trigger"]!["overrideBlackout"]!["reason"]!.GetValue<string>(), Is.EqualTo("hotfix check"));
        Assert.That(historyCode, Is.Zero);
        Assert.That(history, Does.Contain("overrode blackout always: hotfix check"));
        Assert.That(Actions(audit), Does.Contain("run.override-blackout").And.Contain("run.started"));
        Assert.That(Replies("click-confirm"), Has.Some.Contain("Started").And.Some.Contain("replace_original"));
    }

    [Test]
    public async Task CancelOrAnotherUsersClick_StartsNothing()
    {
        var ticket = Button(JsonNode.Parse(await CommandAsync("run reviews-distribution --override-blackout hotfix", "trig-cancel"))!.AsObject(), SlackActionIds.ConfirmOverride)["value"]!.GetValue<string>();

        using var stranger = await ClickAsync(SlackActionIds.ConfirmOverride, ticket, Other, "click-other");
        using var cancel = await ClickAsync(SlackActionIds.CancelOverride, ticket, ServiceHarness.AllowedUser, "click-cancel");
        await Eventually.WaitAsync(() => Replies("click-other").Count > 0 && Replies("click-cancel").Count > 0, "both replies");
        var metrics = await service.Http.GetStringAsync("/metrics");

        Assert.That(Replies("click-other").Single(), Does.Contain($"Only <@{ServiceHarness.AllowedUser}>"));
        Assert.That(Replies("click-cancel").Single(), Does.Contain("Cancelled"));
        Assert.That(await RunCountAsync(), Is.Zero);
        Assert.That(metrics, Does.Contain("drillbot_slack_requests_total{kind=\"interaction\",result=\"forbidden\"} 1"));
    }

    [TestCase("run reviews-distribution --override-blackout")]
    [TestCase("run reviews-distribution --override-blackout \"\"")]
    [TestCase("run reviews-distribution --override-blackout    ")]
    public async Task SlashRunOverride_EmptyReason_RefusedAndNothingAsked(string text)
    {
        var reply = ApprovalSlackTests.Unescaped(await CommandAsync(text, "trig-empty"))!;

        Assert.That(reply, Does.Contain("--override-blackout needs a reason").And.Not.Contain(SlackActionIds.ConfirmOverride));
        Assert.That(await RunCountAsync(), Is.Zero);
    }

    [Test]
    public async Task SlashRunOverride_UserNotAllowedToRun_Refused()
    {
        var reply = await CommandAsync("run reviews-distribution --override-blackout hotfix", "trig-stranger", "U0STRANGER");

        Assert.That(reply, Does.Contain("not allowed to start drills").And.Not.Contain(SlackActionIds.ConfirmOverride));
        Assert.That(await RunCountAsync(), Is.Zero);
    }

    private async Task<string> CommandAsync(string text, string trigger, string user = ServiceHarness.AllowedUser)
    {
        using var answer = await service.PostSlackAsync("/slack/commands", SignedRequests.CommandBody(text, user, trigger, slack.ResponseUrl(trigger).ToString()));
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await answer.Content.ReadAsStringAsync();
    }

    private Task<HttpResponseMessage> ClickAsync(string action, string value, string user, string trigger) =>
        service.PostSlackAsync("/slack/interactions", SignedRequests.Click(action, value, user, trigger, slack.ResponseUrl(trigger).ToString()));

    private List<string> Replies(string hook) =>
        slack.Calls.Where(c => c.Method == "response_url" && c.Path.EndsWith("/" + hook, StringComparison.Ordinal)).Select(c => ApprovalSlackTests.Unescaped(c.Body?.ToJsonString()) ?? "").ToList();

    private async Task<int> RunCountAsync() => (await service.SendAsync(HttpMethod.Get, "/api/runs")).Body["runs"]!.AsArray().Count;

    internal static JsonObject Button(JsonObject message, string actionId) =>
        message["blocks"]!.AsArray().OfType<JsonObject>().Where(b => b["type"]?.GetValue<string>() == "actions")
            .SelectMany(b => b["elements"]!.AsArray().OfType<JsonObject>())
            .Single(e => e["action_id"]?.GetValue<string>() == actionId);

    internal static List<string> Actions(JsonObject audit) =>
        audit["events"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()).ToList();
}

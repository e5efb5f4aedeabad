using DrillBot.Slack.BlockKit;
using DrillBot.Slack.Handling;
using DrillBot.Tests.Slack.EndToEnd;

namespace DrillBot.Tests.Slack.BlockKit;

/// <summary>The Block Kit of refusals inside a blackout, approval requests and the override question.</summary>
public sealed class GovernanceMessagesTests
{
    [Test]
    public void Start_Blackout_NamesItsEndInTheDrillsZoneAndUtcAndTheSlackFlag()
    {
        var message = OutcomeReplies.Start(new SlackStartResult.Blackout("release-freeze-evenings", null) { UntilText = "until 23:59 Asia/Shanghai (15:59 UTC)" }, "reviews-failover", null);

        Assert.That(message.Text, Is.EqualTo("refused: blackout release-freeze-evenings until 23:59 Asia/Shanghai (15:59 UTC); to run anyway: /drill run reviews-failover --override-blackout REASON"));
        Assert.That(ApprovalSlackTests.Unescaped(message.ToJson().ToJsonString()), Does.Contain("`/drill run reviews-failover --override-blackout REASON`"));
    }

    [Test]
    public void ApprovalRequest_ApproveAndRejectButtons_RejectConfirmsApproversShownAsMentionsAndHandles()
    {
        var view = new SlackApprovalView
        {
            ApprovalId = "apr-1",
            Drill = "reviews-failover",
            RequestedBy = "ann",
            RequesterSlackId = "U0ANN",
            Source = "slack:U0ANN",
            Required = 2,
            Approvers = ["@sre-leads", "U0LEAD", "S0GROUP"],
            ExpiresAt = DateTimeOffset.UnixEpoch,
            OverrideBlackout = "hotfix",
        };

        var json = ApprovalMessages.Request(view).ToJson();
        var text = ApprovalSlackTests.Unescaped(json.ToJsonString());

        Assert.That(OverrideBlackoutSlackTests.Button(json, SlackActionIds.Approve)["style"]!.GetValue<string>(), Is.EqualTo("primary"));
        Assert.That(OverrideBlackoutSlackTests.Button(json, SlackActionIds.Approve)["value"]!.GetValue<string>(), Is.EqualTo("apr-1"));
        Assert.That(OverrideBlackoutSlackTests.Button(json, SlackActionIds.Reject)["confirm"], Is.Not.Null);
        Assert.That(text, Does.Contain("2 of @sre-leads, <@U0LEAD>, <!subteam^S0GROUP>").And.Contain("<@U0ANN>").And.Contain("the requester cannot approve").And.Contain("hotfix"));
    }

    [Test]
    public void ConfirmOverride_CarriesATicketOnlyItsUserCanUse()
    {
        var ticket = OverrideTicket.Issue("reviews-failover", "U0ANN", "hotfix \"quoted\"", DateTimeOffset.UnixEpoch.AddMinutes(5));
        var json = GovernanceReplies.ConfirmOverride(new SlackOverrideCheck.Blackout("reviews-failover", "weekend", "until 23:59 UTC (23:59 UTC)"), ticket.Reason, ticket.ToValue(), ticket.ExpiresText).ToJson();

        var value = OverrideBlackoutSlackTests.Button(json, SlackActionIds.ConfirmOverride)["value"]!.GetValue<string>();

        Assert.That(OverrideTicket.Parse(value), Is.EqualTo(ticket));
        Assert.That(OverrideTicket.Parse("{\"d\":\"x\"}"), Is.Null, "an incomplete ticket is refused");
        Assert.That(ticket.ExpiredAt(DateTimeOffset.UnixEpoch.AddMinutes(5)), Is.False);
        Assert.That(ticket.ExpiredAt(DateTimeOffset.UnixEpoch.AddMinutes(5).AddSeconds(1)), Is.True);
        Assert.That(value.Length, Is.LessThan(2000));
    }
}

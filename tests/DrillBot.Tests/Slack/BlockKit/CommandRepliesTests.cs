using DrillBot.Slack.BlockKit;
using DrillBot.Tests.Slack.Fakes;
using DrillBot.Slack.Handling;

namespace DrillBot.Tests.Slack.BlockKit;

public sealed class CommandRepliesTests
{
    [Test]
    public void DrillList_ShowsNameScheduleAndNextFire()
    {
        var text = CommandReplies.DrillList([new SlackDrillInfo("reviews-failover", "Lose reviews", "0 0 3 ? * TUE", new DateTimeOffset(2025, 6, 10, 3, 0, 0, TimeSpan.Zero), false),
            new SlackDrillInfo("manual-one", null, null, null, true)]).ToJson().AsText();
        Assert.That(text, Does.Contain("reviews-failover").And.Contain("0 0 3 ? * TUE").And.Contain("<!date^1749524400^"));
        Assert.That(text, Does.Contain("manual only").And.Contain("running"));
    }

    [Test]
    public void DrillList_ManyDrills_CappedWithMoreLine()
    {
        var drills = Enumerable.Range(0, 30).Select(i => new SlackDrillInfo($"d{i}", new string('x', 500), null, null, false)).ToList();
        var json = CommandReplies.DrillList(drills).ToJson();
        var body = json["blocks"]![1]!["text"]!["text"]!.GetValue<string>();
        Assert.That(body, Has.Length.LessThanOrEqualTo(3000));
        Assert.That(body, Does.EndWith("…and 10 more"));
    }

    [Test]
    public void Status_NothingRunning_SaysSo() =>
        Assert.That(CommandReplies.Status([]).Text, Is.EqualTo("No drill is running"));

    [Test]
    public void History_ListsVerdictRecoveryAndReportLink()
    {
        var runs = new[] { new SlackRunView { Drill = "reviews-failover", RunId = "r1", Verdict = "passed", RecoverySeconds = 2.25, ReportUrl = new Uri("http://bot/runs/r1") } };
        var text = CommandReplies.History(runs, "reviews-failover").ToJson().AsText();
        Assert.That(text, Does.Contain(":white_check_mark:").And.Contain("2.25 s").And.Contain("<http://bot/runs/r1|report>"));
    }

    [Test]
    public void Usage_EchoedProblemIsEscapedAndIncludesUsage()
    {
        var text = CommandReplies.Usage("unknown command '<!channel>'").ToJson().AsText();
        Assert.That(text, Does.Contain("&lt;!channel&gt;"));
        Assert.That(text, Does.Not.Contain("<!channel>").And.Contain("/drill run NAME"));
    }

    [Test]
    public void NotAllowed_IsPoliteAndNamesTheSetting() =>
        Assert.That(CommandReplies.NotAllowed("start drills").ToJson().AsText(), Does.Contain("Sorry").And.Contain("SLACK_ALLOWED_USERS"));

    [Test]
    public void Start_EachOutcome_HasItsOwnAnswer()
    {
        Assert.That(OutcomeReplies.Start(new SlackStartResult.Started("r9"), "d", "C1").Text, Does.Contain("r9"));
        Assert.That(OutcomeReplies.Start(new SlackStartResult.Busy("other", "r1"), "d", null).ToJson().AsText(), Does.Contain("other").And.Contain("r1"));
        Assert.That(OutcomeReplies.Start(new SlackStartResult.Blackout("weekend", null), "d", null).Text, Does.Contain("weekend"));
        Assert.That(OutcomeReplies.Start(new SlackStartResult.UnknownDrill("nope", ["a", "b"]), "nope", null).ToJson().AsText(), Does.Contain("`a`, `b`"));
        Assert.That(OutcomeReplies.Start(new SlackStartResult.Planned("scale reviews-v1 1 -> 0 ``` <!here>"), "d", null).ToJson().AsText(),
            Does.Contain("scale reviews-v1").And.Not.Contain("<!here>"));
    }

    [Test]
    public void Abort_EachOutcome_HasItsOwnAnswer()
    {
        Assert.That(OutcomeReplies.Abort(new SlackAbortResult.Aborting("r1", "d"), "U123ABC").ToJson().AsText(), Does.Contain("Aborting").And.Contain("<@U123ABC>"));
        Assert.That(OutcomeReplies.Abort(new SlackAbortResult.NotFound("r2"), null).Text, Does.Contain("r2"));
        Assert.That(OutcomeReplies.Abort(new SlackAbortResult.NothingRunning(), null).Text, Is.EqualTo("Nothing is running"));
        Assert.That(OutcomeReplies.Abort(new SlackAbortResult.Ambiguous(["r1", "r2"]), null).ToJson().AsText(), Does.Contain("/drill abort r2"));
    }
}

using System.Text.Json.Nodes;
using DrillBot.Slack.BlockKit;
using DrillBot.Tests.Slack.Fakes;

namespace DrillBot.Tests.Slack.BlockKit;

public sealed class RunMessagesTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 3, 3, 0, 0, TimeSpan.Zero);

    private static SlackRunView Run => new()
    {
        Drill = "reviews-failover",
        RunId = "run-42",
        Description = "Lose reviews in cn-hangzhou",
        TriggerKind = "slack",
        TriggeredBy = "ann",
        SlackUserId = "U123ABC",
        StartedAt = Start,
    };

    private static IEnumerable<JsonObject> Blocks(SlackMessage message) => message.ToJson()["blocks"]!.AsArray().Select(b => b!.AsObject());

    [Test]
    public void Started_HasHeaderWhoWhatAndDangerAbortButtonWithConfirm()
    {
        var json = RunMessages.Started(Run).ToJson();
        var blocks = Blocks(RunMessages.Started(Run)).ToList();
        Assert.That(blocks[0]["type"]!.GetValue<string>(), Is.EqualTo("header"));
        Assert.That(blocks[0]["text"]!["text"]!.GetValue<string>(), Does.Contain("reviews-failover"));
        Assert.That(json.AsText(), Does.Contain("<@U123ABC>").And.Contain("run-42"));
        var button = blocks.Single(b => b["type"]!.GetValue<string>() == "actions")["elements"]![0]!;
        Assert.That(button["action_id"]!.GetValue<string>(), Is.EqualTo("drill_abort"));
        Assert.That(button["value"]!.GetValue<string>(), Is.EqualTo("run-42"));
        Assert.That(button["style"]!.GetValue<string>(), Is.EqualTo("danger"));
        Assert.That(button["confirm"]!["confirm"]!["text"]!.GetValue<string>(), Is.EqualTo("Abort"));
        Assert.That(button["confirm"]!["deny"]!["text"]!.GetValue<string>(), Is.EqualTo("Keep running"));
        Assert.That(json["text"]!.GetValue<string>(), Does.Contain("reviews-failover"));
    }

    [Test]
    public void Result_Passed_VerdictRecoverySharesRestoreLinkAndNoButton()
    {
        var view = Run with
        {
            Verdict = "passed",
            RecoverySeconds = 1.4,
            ServedBy = "cn-shanghai",
            Shares = new Dictionary<string, double> { ["cn-shanghai"] = 0.97, ["cn-hangzhou"] = 0.03 },
            RestoreStatus = "verified",
            ReportUrl = new Uri("https://drillbot.example/runs/run-42"),
            Reasons = ["recovery within 30s"],
        };
        var message = RunMessages.Result(view);
        var text = message.ToJson().AsText();
        Assert.That(Blocks(message).Any(b => b["type"]!.GetValue<string>() == "actions"), Is.False, "the Abort button must be gone");
        Assert.That(Blocks(message).First()["text"]!["text"]!.GetValue<string>(), Does.StartWith(":white_check_mark:").And.Contain("passed"));
        Assert.That(text, Does.Contain("1.40 s").And.Contain("cn-shanghai 97.0%").And.Contain("cn-hangzhou 3.0%"));
        Assert.That(text, Does.Contain("verified").And.Contain("<https://drillbot.example/runs/run-42|Full report>"));
        Assert.That(text, Does.Contain("recovery within 30s"));
    }

    [TestCase("failed", ":x:")]
    [TestCase("aborted", ":octagonal_sign:")]
    [TestCase("errored", ":warning:")]
    [TestCase("inconclusive", ":large_blue_circle:")]
    public void Result_OtherVerdicts_HeaderEmoji(string verdict, string emoji) =>
        Assert.That(Blocks(RunMessages.Result(Run with { Verdict = verdict })).First()["text"]!["text"]!.GetValue<string>(), Does.StartWith(emoji));

    [TestCase("mesh: user errors 12 of 480 (2.5 %); probe vs mesh afterRecovery 0.01; agree", ":globe_with_meridians: mesh: user errors 12 of 480")]
    [TestCase("mesh: skipped (Prometheus http://p:9090/ is unreachable: Connection refused)", ":warning: mesh: skipped (Prometheus")]
    [TestCase("mesh: probe vs mesh afterRecovery 0.9; DISAGREE", ":warning: mesh: probe vs mesh")]
    public void Result_MeshLine_ItsOwnSectionFlaggedWhenSkippedOrDisagreeing(string mesh, string expected) =>
        Assert.That(Blocks(RunMessages.Result(Run with { Verdict = "passed", Mesh = mesh })).Select(b => b["text"]?["text"]?.GetValue<string>()), Has.Some.StartsWith(expected));

    [Test]
    public void Result_NoMesh_NoMeshSection() =>
        Assert.That(RunMessages.Result(Run with { Verdict = "passed" }).ToJson().AsText(), Does.Not.Contain("mesh:"));

    [Test]
    public void Result_NoRecovery_SaysNotRecovered() =>
        Assert.That(RunMessages.Result(Run with { Verdict = "failed" }).ToJson().AsText(), Does.Contain("not recovered"));

    [Test]
    public void Messages_HostileNamesAndReasons_EscapedAndWithinLimits()
    {
        var view = Run with
        {
            Drill = "<!channel> " + new string('d', 400),
            TriggeredBy = "<@U0ADMIN>",
            SlackUserId = "not-an-id",
            Verdict = "failed",
            Reasons = Enumerable.Range(0, 500).Select(i => $"reason {i} <!here> & more").ToList(),
        };
        foreach (var message in new[] { RunMessages.Started(view), RunMessages.Result(view) })
        {
            var json = message.ToJson();
            foreach (var text in MrkdwnTexts(json).Append(json["text"]!.GetValue<string>()))
            {
                Assert.That(text, Does.Not.Contain("<!channel>").And.Not.Contain("<!here>").And.Not.Contain("<@U0ADMIN>"));
            }

            foreach (var block in Blocks(message))
            {
                var type = block["type"]!.GetValue<string>();
                if (type == "header")
                {
                    Assert.That(block["text"]!["text"]!.GetValue<string>(), Has.Length.LessThanOrEqualTo(150));
                }

                if (type == "section" && block["text"] is { } text)
                {
                    Assert.That(text["text"]!.GetValue<string>(), Has.Length.LessThanOrEqualTo(3000));
                }

                if (type == "section" && block["fields"] is JsonArray fields)
                {
                    Assert.That(fields, Has.Count.LessThanOrEqualTo(10));
                }
            }
        }
    }

    private static IEnumerable<string> MrkdwnTexts(JsonNode? node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == "mrkdwn" => [o["text"]!.GetValue<string>()],
        JsonObject o => o.SelectMany(p => MrkdwnTexts(p.Value)),
        JsonArray a => a.SelectMany(MrkdwnTexts),
        _ => [],
    };

    [TestCase(SlackProgressKind.PhaseChanged, "observe", null, "Phase: *observe*")]
    [TestCase(SlackProgressKind.FaultApplied, "scale reviews-v1 to 0", null, "Fault applied (t0): scale reviews-v1 to 0")]
    [TestCase(SlackProgressKind.RecoveryDetected, "cn-shanghai", 1.4, "Recovery detected after 1.40 s, served by cn-shanghai")]
    [TestCase(SlackProgressKind.RestoreDone, "verified", null, "Restore done: verified")]
    [TestCase(SlackProgressKind.AbortRequested, "U123ABC", null, "Abort requested by <@U123ABC>")]
    public void Progress_EachKind_OneLineWithOffsetFromStart(SlackProgressKind kind, string? detail, double? seconds, string expected)
    {
        var message = RunMessages.Progress(new SlackProgressEvent(kind, Start.AddSeconds(12.5), detail, seconds), Start);
        var line = Blocks(message).Single()["text"]!["text"]!.GetValue<string>();
        Assert.That(line, Does.StartWith("`+12.5 s`").And.Contain(expected));
        Assert.That(message.Text, Does.StartWith(kind.ToString()));
    }
}

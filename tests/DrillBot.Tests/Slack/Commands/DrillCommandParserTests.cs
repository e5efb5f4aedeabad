using System.Text;
using DrillBot.Slack.Commands;

namespace DrillBot.Tests.Slack.Commands;

public sealed class DrillCommandParserTests
{
    private static IEnumerable<TestCaseData> Valid()
    {
        yield return new TestCaseData("run reviews-failover", new DrillCommand.Run("reviews-failover", false));
        yield return new TestCaseData("  RUN   reviews-failover  ", new DrillCommand.Run("reviews-failover", false));
        yield return new TestCaseData("run reviews-failover --dry-run", new DrillCommand.Run("reviews-failover", true));
        yield return new TestCaseData("run --dry-run reviews-failover", new DrillCommand.Run("reviews-failover", true));
        yield return new TestCaseData("run reviews-failover \u2014dry-run", new DrillCommand.Run("reviews-failover", true)); // Slack's em dash
        yield return new TestCaseData("run\u00A0reviews_v2.drill", new DrillCommand.Run("reviews_v2.drill", false));
        yield return new TestCaseData("list", new DrillCommand.List());
        yield return new TestCaseData("status", new DrillCommand.Status());
        yield return new TestCaseData("abort", new DrillCommand.Abort(null));
        yield return new TestCaseData("abort 01JABCDEF", new DrillCommand.Abort("01JABCDEF"));
        yield return new TestCaseData("history", new DrillCommand.History(null));
        yield return new TestCaseData("history reviews-failover", new DrillCommand.History("reviews-failover"));
        yield return new TestCaseData("help", new DrillCommand.Help());
        yield return new TestCaseData("", new DrillCommand.Help());
        yield return new TestCaseData(null, new DrillCommand.Help());
        yield return new TestCaseData("run reviews-failover --override-blackout hotfix check, approved by on-call", new DrillCommand.Run("reviews-failover", false) { OverrideBlackout = "hotfix check, approved by on-call" });
        yield return new TestCaseData("run reviews-failover --override-blackout \u201Chotfix check\u201D", new DrillCommand.Run("reviews-failover", false) { OverrideBlackout = "hotfix check" });
        yield return new TestCaseData("run reviews-failover --dry-run \u2014override-blackout why", new DrillCommand.Run("reviews-failover", true) { OverrideBlackout = "why" });
        yield return new TestCaseData("freeze incident INC-42 in cn-hangzhou", new DrillCommand.Freeze("incident INC-42 in cn-hangzhou"));
        yield return new TestCaseData("freeze \"latency\"", new DrillCommand.Freeze("latency"));
        yield return new TestCaseData("unfreeze", new DrillCommand.Unfreeze());
    }

    [TestCaseSource(nameof(Valid))]
    public void Parse_ValidText_GivesCommand(string? text, DrillCommand expected) =>
        Assert.That(DrillCommandParser.Parse(text), Is.EqualTo(expected));

    [TestCase("deploy prod", "unknown command 'deploy'")]
    [TestCase("run", "run needs a drill name")]
    [TestCase("run a b", "one drill name")]
    [TestCase("run reviews --force", "unknown option '--force'")]
    [TestCase("run <!channel>", "not a valid drill name")]
    [TestCase("list everything", "list takes no arguments")]
    [TestCase("status now", "status takes no arguments")]
    [TestCase("abort a b", "at most one RUN")]
    [TestCase("history ../../etc", "not a valid NAME")]
    [TestCase("abort --all", "not a valid RUN")]
    [TestCase("run reviews --override-blackout", "--override-blackout needs a reason")]
    [TestCase("run reviews --override-blackout \"\"", "--override-blackout needs a reason")]
    [TestCase("freeze", "freeze needs a reason")]
    [TestCase("freeze ''", "freeze needs a reason")]
    [TestCase("unfreeze now", "unfreeze takes no arguments")]
    public void Parse_MalformedText_InvalidWithHelpfulProblem(string text, string problem)
    {
        var command = DrillCommandParser.Parse(text);
        Assert.That(command, Is.TypeOf<DrillCommand.Invalid>());
        Assert.That(((DrillCommand.Invalid)command).Problem, Does.Contain(problem));
    }

    [Test]
    public void Parse_TooLongText_Invalid() =>
        Assert.That(DrillCommandParser.Parse("run " + new string('a', 600)), Is.TypeOf<DrillCommand.Invalid>());

    [Test]
    public void Parse_NameLongerThanLimit_Invalid() =>
        Assert.That(DrillCommandParser.Parse("run " + new string('a', DrillCommandParser.MaxNameLength + 1)), Is.TypeOf<DrillCommand.Invalid>());

    [Test]
    public void NeedsPermission_RunAbortAndUnfreezeButNotFreeze()
    {
        Assert.That(new DrillCommand.Run("x", false).NeedsPermission, Is.True);
        Assert.That(new DrillCommand.Abort(null).NeedsPermission, Is.True);
        Assert.That(new DrillCommand.Unfreeze().NeedsPermission, Is.True);
        Assert.That(new DrillCommand.Freeze("x").NeedsPermission, Is.False, "freezing has its own, broader list");
        Assert.That(new DrillCommand.List().NeedsPermission, Is.False);
        Assert.That(new DrillCommand.History(null).NeedsPermission, Is.False);
    }

    [Test]
    public void Parse_SeededRandomGarbage_NeverThrowsAndProblemsAreBounded()
    {
        var random = new Random(20250603);
        string[] pieces = ["run", "list", "status", "abort", "history", "help", "--dry-run", "—dry-run", "-", "--", "<!here>", "&amp;", "reviews-failover", "\u00A0", "\t", "\n", "\u200B", "🙂", "\uD83D", "%00", "\"", "`", "*", "x".PadRight(70, 'x')];
        for (var i = 0; i < 5000; i++)
        {
            var text = new StringBuilder();
            var parts = random.Next(0, 8);
            for (var p = 0; p < parts; p++)
            {
                if (random.Next(3) == 0)
                {
                    text.Append((char)random.Next(0, 0xFFFF));
                }
                else
                {
                    text.Append(pieces[random.Next(pieces.Length)]).Append(random.Next(4) == 0 ? "" : " ");
                }
            }

            DrillCommand command = null!;
            Assert.DoesNotThrow(() => command = DrillCommandParser.Parse(text.ToString()), $"input #{i}: {text}");
            Assert.That(command, Is.Not.Null);
            if (command is DrillCommand.Invalid invalid)
            {
                Assert.That(invalid.Problem, Has.Length.LessThan(300), $"input #{i}");
            }
        }
    }
}

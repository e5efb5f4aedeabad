using DrillBot.Drills.Definitions;
using DrillBot.Drills.Tests.Scheduling;

namespace DrillBot.Drills.Tests.Definitions;

/// <summary>A drill's <c>approval</c> as read from drills.yaml: approvers, defaults, the schedule's pre-approval, and each located problem.</summary>
public sealed class ApprovalParsingTests
{
    private const string Anchor = "  - name: distribution\n";
    private const string Schedule = "    schedule: \"0 0 3 ? * TUE\"\n";

    private static DrillsLoadResult Load(string yaml) => DrillsLoader.Parse(yaml, "d.yaml", TestCron.Parser, _ => null);

    private static string OnDistribution(string approval) => SampleYaml.Replace(Anchor, Anchor + $"    approval: {approval}\n");

    private static string OnScheduled(string approval) => SampleYaml.Replace(Schedule, Schedule + $"    approval: {approval}\n");

    [Test]
    public void Parse_UsersAndGroups_DefaultsOneApprovalFifteenMinutes()
    {
        var result = Load(OnDistribution("{ approvers: [\"@sre-leads\", U0123ABC, S0GROUP1] }"));

        Assert.That(result.Problems, Is.Empty, string.Join("\n", result.Problems));
        Assert.That(result.Warnings, Is.Empty);
        var approval = result.Config!.FindDrill("distribution")!.Approval!;
        Assert.That(approval.Required, Is.EqualTo(1));
        Assert.That(approval.Approvers, Is.EqualTo(new[] { "@sre-leads", "U0123ABC", "S0GROUP1" }));
        Assert.That(approval.ExpiresAfter, Is.EqualTo(TimeSpan.FromMinutes(15)));
        Assert.That(approval.Schedule, Is.Null);
        Assert.That(result.Config.FindDrill("failover")!.Approval, Is.Null, "a drill without approval needs none");
    }

    [Test]
    public void Parse_ScheduledWithPreApproval_ReadsItAndWarnsNothing()
    {
        var result = Load(OnScheduled("{ required: 2, approvers: [U0A1, U0A2], expiresAfter: 30m, schedule: { approvedBy: U0A1, reference: CHG-4711, until: 2026-06-30 } }"));

        Assert.That(result.Problems, Is.Empty, string.Join("\n", result.Problems));
        Assert.That(result.Warnings, Is.Empty);
        var approval = result.Config!.FindDrill("failover")!.Approval!;
        Assert.That(approval.Required, Is.EqualTo(2));
        Assert.That(approval.ExpiresAfter, Is.EqualTo(TimeSpan.FromMinutes(30)));
        Assert.That(approval.Schedule, Is.EqualTo(new SchedulePreApproval("U0A1", "CHG-4711", new DateOnly(2026, 6, 30))));
    }

    [Test]
    public void Parse_ScheduledWithoutPreApproval_WarnsThatFiresAreSkipped()
    {
        var result = Load(OnScheduled("{ approvers: [U0A1] }"));

        Assert.That(result.IsValid, Is.True, string.Join("\n", result.Problems));
        Assert.That(result.Warnings.Single().Message, Does.Contain("every scheduled fire is skipped (needs approval)"));
    }

    [TestCase("{ approvers: [alice] }", "'alice' is not a Slack user ID")]
    [TestCase("{ approvers: [U0A1, U0A1] }", "'U0A1' is listed twice")]
    [TestCase("{ approvers: [] }", "list at least one approver")]
    [TestCase("{ required: 2 }", "missing required field 'approvers'")]
    [TestCase("{ required: 3, approvers: [U0A1, U0A2] }", "3 approvals but only 2 approver(s) listed")]
    [TestCase("{ required: 0, approvers: [U0A1] }", "required: expected a whole number between 1 and 10")]
    [TestCase("{ approvers: [U0A1], expiresAfter: soon }", "bad duration 'soon'")]
    [TestCase("{ approvers: [U0A1], approvedBy: U0A1 }", "unknown field 'approvedBy'")]
    [TestCase("{ approvers: [U0A1], schedule: { approvedBy: U0A1 } }", "missing required field 'reference'")]
    [TestCase("{ approvers: [U0A1], schedule: { approvedBy: U0A1, reference: X, until: tomorrow } }", "expected a date like 2026-06-30")]
    public void Parse_BadApproval_OneLocatedProblem(string approval, string expected)
    {
        var yaml = OnDistribution(approval);

        var result = Load(yaml);

        Assert.That(result.Problems, Has.Count.EqualTo(1), string.Join("\n", result.Problems));
        Assert.That(result.Problems[0].Message, Does.Contain(expected));
        Assert.That(result.Problems[0].Location.Line, Is.EqualTo(yaml.Split('\n').ToList().FindIndex(l => l.Contains("approval:", StringComparison.Ordinal)) + 1));
    }

    [Test]
    public void Parse_GroupWithMoreRequiredThanListed_Allowed()
    {
        var result = Load(OnDistribution("{ required: 2, approvers: [\"@sre-leads\"] }"));

        Assert.That(result.Problems, Is.Empty, "a group can hold enough approvers");
    }
}

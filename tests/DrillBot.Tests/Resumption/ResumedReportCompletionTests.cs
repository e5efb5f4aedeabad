using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using DrillBot.Resumption;
using DrillBot.Scheduling;
using DrillBot.Store.Runs;
using DrillBot.Tests.Service.Support;

namespace DrillBot.Tests.Resumption;

/// <summary>A run that ended with its restore failed keeps its own report when resumption completes the restore later.</summary>
public sealed class ResumedReportCompletionTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-01-06T03:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly ObjectRef Deployment = new("hangzhou", ObjectKind.Deployment, "default", "reviews-v1");

    [Test]
    public void Build_RunWithItsOwnReportWhoseRestoreFailed_KeepsVerdictAndMergesTheCompletedRestore()
    {
        var config = DrillsLoader.Parse(TestDrills.Yaml(), "drills.yaml", QuartzCronParser.Instance, n => n == "PRODUCTPAGE_URL" ? "http://127.0.0.1:9/" : null).Config!;
        var rule = new RestoreObjectInfo("mesh", "DestinationRule", "default", "reviews", true, true, "enableFailover", "{}", "{}", "{}", [], null);
        var failed = new RestoreObjectInfo("hangzhou", "Deployment", "default", "reviews-v1", false, false, "scale", """{"spec.replicas":1}""", """{"spec.replicas":0}""", null, [], "403 Forbidden");
        var own = ResumedReport.Build("r1", "reviews-failover", "a", null, At, new RestoreResult(RestoreStatus.Verified, [], At, At), "instance a", config) with
        {
            Verdict = Verdict.Aborted,
            Reasons = ["aborted: shutdown (SIGTERM)"],
            Restore = new RestoreInfo(RestoreStatus.Failed, null, [rule, failed], At.AddSeconds(10), At.AddSeconds(11)),
            Markers = [],
        };
        var record = new RunRecord(new RunSummary("r1", "reviews-failover", new RunTrigger(TriggerKind.Api, "api"), RunStatus.Interrupted, Verdict.Aborted, RestoreStatus.Failed, At, At.AddSeconds(11), "a", null, "aborted"), ReportJson.Serialize(own));
        var item = new RestoreItemResult(Deployment, "scale", true, true, """{"spec.replicas":1}""", """{"spec.replicas":0}""", """{"spec.replicas":1}""", [], null);

        var report = ResumedReport.Build("r1", "reviews-failover", "a", record, At, new RestoreResult(RestoreStatus.Verified, [item], At.AddMinutes(1), At.AddMinutes(1).AddSeconds(1)), "instance b", config);
        var outcome = RunOutcome.AfterInterruption(report);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Aborted), "the run's own verdict stays");
        Assert.That(report.Restore.Status, Is.EqualTo(RestoreStatus.Verified));
        Assert.That(report.Restore.Objects.Select(o => (o.Name, o.Ok)), Is.EquivalentTo(new[] { ("reviews", true), ("reviews-v1", true) }), "the failed object replaced by its completed restore");
        Assert.That(report.Restore.FinishedAt, Is.EqualTo(At.AddMinutes(1).AddSeconds(1)));
        Assert.That(report.Reasons[0], Is.EqualTo("aborted: shutdown (SIGTERM)"));
        Assert.That(report.Reasons[1], Does.Contain("restore failed").And.Contain("restored after an interrupted run by instance b: restore verified"));
        Assert.That(outcome.Status, Is.EqualTo(RunStatus.RestoredAfterInterruption));
        Assert.That(outcome.Verdict, Is.EqualTo(Verdict.Aborted));
        Assert.That(outcome.RestoreStatus, Is.EqualTo(RestoreStatus.Verified));
        Assert.That(outcome.Summary, Does.StartWith("aborted: ").And.EndWith("restore verified after an interruption"));
    }
}

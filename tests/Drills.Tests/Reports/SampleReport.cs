using DrillBot.Drills.Analysis;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;

namespace DrillBot.Drills.Tests.Reports;

/// <summary>A hand-made report for the renderers.</summary>
internal static class SampleReport
{
    public static readonly DateTimeOffset Start = new(2026, 1, 6, 3, 0, 0, TimeSpan.Zero);

    public static DrillReport Build(Verdict verdict = Verdict.Passed, RestoreStatus restore = RestoreStatus.Verified) => new()
    {
        RunId = "20260106-030000-abcdef",
        Drill = "reviews-failover",
        Description = "Lose <reviews> & fail over",
        Verdict = verdict,
        Trigger = new TriggerInfo(TriggerKind.Slack, "U123"),
        StartedAt = Start,
        FaultAt = Start.AddSeconds(3),
        FinishedAt = Start.AddSeconds(20),
        Recovery = new RecoveryInfo(1.4, "cn-shanghai"),
        Probes = new ProbeSummary(4, 1, new Dictionary<string, int> { ["cn-shanghai"] = 2, ["cn-hangzhou"] = 1, ["error"] = 1 }, new LatencyInfo(3.1, 7.9, 12), new Dictionary<string, double> { ["cn-shanghai"] = 1 }, 0.25, 100, "http://x/productpage"),
        Checks = [new CheckResult("recovery.within", "<= 30s", "1.4s", true), new CheckResult("share.cn-shanghai", ">= 0.95", "0.9", false)],
        Restore = new RestoreInfo(restore, 2.0,
            [new RestoreObjectInfo("hangzhou", "Deployment", "default", "reviews-v1", restore != RestoreStatus.Failed, restore == RestoreStatus.Verified, "scale", "{\"spec.replicas\":1}", "{\"spec.replicas\":0}", "{\"spec.replicas\":1}", [], restore == RestoreStatus.Failed ? "403 Forbidden" : null)],
            Start.AddSeconds(15), Start.AddSeconds(16)),
        Reasons = ["share.cn-shanghai: expected >= 0.95, got 0.9"],
        Steps = [new StepInfo(0, "scale", "scale Deployment default/reviews-v1 to 0", Start.AddSeconds(3), true, true, null)],
        Markers = [new TimelineMarker(Start.AddSeconds(3), "fault", "scale"), new TimelineMarker(Start.AddSeconds(15), "restore-start", "restore")],
        Timeline = new Timeline(Start, [new TimelineSample(0.1, 3, "cn-hangzhou", true, 200, null, false), new TimelineSample(3.2, 2000, "error", false, null, "timeout", true), new TimelineSample(4.4, 3, "cn-shanghai", true, 200, null, false), new TimelineSample(4.5, 4, "cn-shanghai", true, 200, null, false)]),
    };
}

using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using DrillBot.Lab;

namespace DrillBot.Drills.Tests.Running;

/// <summary>Failback ends only when cn-hangzhou serves again and reviews-v1 is ready again.</summary>
[NonParallelizable]
public sealed class LabFailbackTests
{
    [Test]
    public async Task Run_PodStartAndEndpointDelay3sEach_FailbackTakesAtLeastTheirSum()
    {
        var slow = LabTopology.Default with { Timing = new LabTiming { PodStartDelay = TimeSpan.FromSeconds(3), PodStopDelay = TimeSpan.FromMilliseconds(100), EndpointPropagationDelay = TimeSpan.FromSeconds(3) } };
        await using var lab = await LabRun.StartAsync(slow);
        var drill = lab.Drill("reviews-failover", LabRun.Fast with { RecoveryWithin = TimeSpan.FromSeconds(8), ObserveFor = TimeSpan.FromSeconds(8), VerifyWithin = TimeSpan.FromSeconds(15) });

        var report = await lab.RunAsync(drill);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Passed), string.Join("\n", report.Reasons));
        TestContext.Out.WriteLine($"failbackSeconds {report.Restore.FailbackSeconds}");
        Assert.That(report.Restore.FailbackServedBy, Is.EqualTo("cn-hangzhou"));
        // the restore scales reviews-v1 up first and finishes with the other objects a few ms later: the pod's
        // 3 s + 3 s run from the scale-up (the Lab's ground truth), not from the end of the restore
        var scaledUp = lab.Lab.Events.Last(e => e.Kind == "scale-applied" && e.Object == "Deployment/default/reviews-v1" && e.Detail == "replicas=1").Time;
        var failbackAt = report.Restore.FinishedAt!.Value.AddSeconds(report.Restore.FailbackSeconds!.Value);
        Assert.That(failbackAt - scaledUp, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(6)), "pod start 3 s + endpoint propagation 3 s before cn-hangzhou can serve");
        var added = lab.Lab.Events.Last(e => e.Kind == "endpoint-added" && e.Region == "cn-hangzhou").Time;
        Assert.That(report.Restore.FinishedAt!.Value.AddSeconds(report.Restore.FailbackSeconds!.Value), Is.GreaterThanOrEqualTo(added), "failback is not before reviews-v1 is back in the routing set");
    }

    [Test]
    public async Task Run_ReviewsV1CannotStart_FailbackFailsSayingWhy()
    {
        await using var lab = await LabRun.StartAsync();
        lab.Lab.Control.SetPodsNeverReady("ack-hangzhou", "reviews-v1");

        var report = await lab.RunAsync(lab.Drill("reviews-failover"));

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Failed), string.Join("\n", report.Reasons));
        var failback = report.Checks.Single(c => c.Name == "failback.within");
        Assert.That(failback.Passed, Is.False);
        Assert.That(failback.Actual, Is.EqualTo("Deployment default/reviews-v1 in cluster hangzhou had 0 of 1 ready replicas 5s after restore"));
        Assert.That(report.Restore.FailbackSeconds, Is.Null);
        Assert.That(report.Restore.Status, Is.EqualTo(RestoreStatus.Verified), "the objects are restored; the region is not back");
    }
}

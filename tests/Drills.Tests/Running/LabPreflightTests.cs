using DrillBot.Drills.Definitions;
using DrillBot.Drills.Running;

namespace DrillBot.Drills.Tests.Running;

/// <summary>The failover preflight on the Lab: each refusal is one line that says what to fix, and nothing changes.</summary>
[NonParallelizable]
public sealed class LabPreflightTests
{
    private static async Task<DrillBot.Drills.Reports.DrillReport> RefusedAsync(LabRun lab, DrillDefinition drill, string expected)
    {
        var before = lab.Snapshot();
        var changes = lab.Lab.Events.Count(e => e.Kind is "scale-applied" or "policy-changed");

        var report = await lab.RunAsync(drill);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Aborted), string.Join("\n", report.Reasons));
        Assert.That(report.Misconfigured, Is.True);
        Assert.That(report.Reasons, Has.Count.EqualTo(1));
        Assert.That(report.Reasons[0], Does.StartWith("preflight: ").And.Contain(expected).And.Not.Contain("\n"));
        Assert.That(report.Steps, Is.Empty);
        Assert.That(report.Restore.Objects, Is.Empty, "nothing was changed, so nothing was restored");
        Assert.That(lab.Snapshot(), Is.EqualTo(before), "Lab objects byte-identical");
        Assert.That(lab.Lab.Events.Count(e => e.Kind is "scale-applied" or "policy-changed"), Is.EqualTo(changes));
        return report;
    }

    [Test]
    public async Task Run_OutageWithoutOutlierDetection_RefusedSayingWhatToAdd()
    {
        await using var lab = await LabRun.StartAsync();
        var drill = lab.Drill("reviews-region-outage");
        drill = drill with { Steps = [.. drill.Steps.Where(s => s is not EnableFailoverStep)] };

        await RefusedAsync(lab, drill, "DestinationRule default/reviews in cluster mesh has no outlierDetection and no enableFailover step sets it: Istio applies locality failover priorities only with outlierDetection; add outlierDetection");
    }

    [Test]
    public async Task Run_OutageWithMaxEjection10_RefusedByTheEnvoy128Rule()
    {
        await using var lab = await LabRun.StartAsync();
        var drill = lab.Drill("reviews-region-outage");
        drill = drill with { Steps = [.. drill.Steps.Select(s => s is EnableFailoverStep f ? f with { OutlierDetection = f.OutlierDetection with { MaxEjectionPercent = 10 } } : s)] };

        await RefusedAsync(lab, drill, "maxEjectionPercent 10 % cannot eject the 1 failing of 2 reviews endpoints: Envoy >= 1.28 ejects a host only while (ejected + 1) / hosts <= maxEjectionPercent, so it needs at least 50 %; set outlierDetection.maxEjectionPercent: 100");
    }

    [Test]
    public async Task Run_FailoverTargetWithoutReadyEndpoints_Refused()
    {
        await using var lab = await LabRun.StartAsync();
        var shanghai = lab.Clusters.Create(lab.Config.Clusters["shanghai"]).Value!;
        Assert.That((await shanghai.PatchScaleAsync("default", "reviews-v2", 0, CancellationToken.None)).Ok, Is.True);
        await WaitAsync(() => lab.Lab.Events.Any(e => e.Kind == "endpoint-removed" && e.Region == "cn-shanghai"));
        var drill = lab.Drill("reviews-region-outage") with { Preconditions = [] }; // the readyReplicas precondition would refuse first

        await RefusedAsync(lab, drill, "failover target region cn-shanghai has no ready endpoints of reviews (Endpoints default/reviews in cluster shanghai); failing over there would serve nothing");
    }

    [Test]
    public async Task Run_FailWorkloadSelectingNothing_Refused()
    {
        await using var lab = await LabRun.StartAsync();
        var drill = lab.Drill("reviews-region-outage");
        drill = drill with { Steps = [.. drill.Steps.Select(s => s is FailWorkloadStep w ? w with { Workload = new Dictionary<string, string> { ["app"] = "reviews", ["version"] = "v9" } } : s)] };

        await RefusedAsync(lab, drill, "failWorkload selects no ready endpoint of reviews (app=reviews,version=v9): nothing would fail");
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.That(condition(), Is.True);
    }
}

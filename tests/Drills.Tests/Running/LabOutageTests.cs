using DrillBot.Drills.Definitions;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;

namespace DrillBot.Drills.Tests.Running;

/// <summary>reviews-region-outage on the faithful Lab: a server-side fault fails over, a VirtualService abort does not.</summary>
[NonParallelizable]
public sealed class LabOutageTests
{
    [Test]
    public async Task Run_RegionOutageWithFailWorkload_PodsAnswerTheFaultThemselvesAndAreEjected()
    {
        await using var lab = await LabRun.StartAsync();
        var before = lab.Snapshot();

        var report = await lab.RunAsync(lab.Drill("reviews-region-outage"));

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Passed), string.Join("\n", report.Reasons));
        var events = lab.Lab.Events;
        Assert.That(events.Where(e => e.Kind == "fault-injected").Select(e => e.Object), Has.Some.EqualTo("EnvoyFilter/default/drillbot-fail-reviews-v1"));
        Assert.That(events.Where(e => e.Kind == "not-modelled"), Is.Empty, "the Lab acts on the EnvoyFilter the step writes");
        Assert.That(events.Where(e => e.Kind == "endpoint-ejected").Select(e => e.Region), Has.Some.EqualTo("cn-hangzhou"));
        Assert.That(report.Restore.Objects.Single(o => o.Kind == "EnvoyFilter").Verified, Is.True);
        Assert.That(lab.State("asm", "EnvoyFilter", "drillbot-fail-reviews-v1"), Is.Null, "restore deleted it");
        Assert.That(lab.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task Run_OldVirtualServiceAbortOutage_DoesNotPassOnTheFaithfulLab()
    {
        await using var lab = await LabRun.StartAsync();
        var drill = lab.Drill("reviews-region-outage");
        var fail = drill.Steps.OfType<FailWorkloadStep>().Single();
        var abort = new InjectHttpFaultStep
        {
            Cluster = "mesh", Namespace = "default", Host = "reviews", Subset = "v1", VirtualService = "reviews", AbortStatus = 503, Percentage = 100, Fault = true,
        };
        var old = drill with { Steps = [.. drill.Steps.Select(s => s == fail ? abort : s)] };

        var report = await lab.RunAsync(old);

        Assert.That(report.Verdict, Is.Not.EqualTo(Verdict.Passed), "a caller-side abort fails nothing over");
        Assert.That(report.Recovery, Is.Null);
        Assert.That(report.Probes.ByClass.GetValueOrDefault("degraded"), Is.GreaterThan(0), "users saw the abort");
        Assert.That(lab.Lab.Events.Where(e => e.Kind == "endpoint-ejected"), Is.Empty);
        Assert.That(report.Restore.Status, Is.EqualTo(RestoreStatus.Verified));
    }
}

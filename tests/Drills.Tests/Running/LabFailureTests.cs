using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using DrillBot.Drills.Running.Events;

namespace DrillBot.Drills.Tests.Running;

[NonParallelizable]
public sealed class LabFailureTests
{
    private static void AssertUnchanged(LabRun lab, IReadOnlyDictionary<string, string?> before)
    {
        var after = lab.Snapshot();
        foreach (var (key, value) in before)
        {
            Assert.That(after[key], Is.EqualTo(value), $"{key} must be byte-for-byte as before the run");
        }
    }

    [Test]
    public async Task Run_FailoverRegionHasNoCapacity_FailsOrAbortsAndRestores()
    {
        await using var lab = await LabRun.StartAsync();
        var before = lab.Snapshot();
        var drill = lab.Drill("reviews-failover") with { Preconditions = [] };
        var waiter = new EventWaiter(e => e is PhaseChanged { Phase: RunPhase.Steps }, _ => lab.Lab.Control.SetRegionFailing("cn-shanghai", true));
        var run = lab.Engine.Start(lab.Config, drill, new RunTrigger(TriggerKind.Cli, "test"), [waiter]);
        await waiter.Hit;

        var report = await run.Completion.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.That(report.Verdict, Is.AnyOf(Verdict.Failed, Verdict.Aborted));
        Assert.That(report.Recovery, Is.Null);
        Assert.That(report.Restore.Status, Is.EqualTo(RestoreStatus.Verified));
        AssertUnchanged(lab, before);
    }

    [Test]
    public async Task Run_PreconditionNotMet_AbortsWithoutChangingAnything()
    {
        await using var lab = await LabRun.StartAsync();
        var before = lab.Snapshot();
        var drill = lab.Drill("reviews-failover-runbook-order");
        var pre = (DrillBot.Drills.Definitions.ReadyReplicasPrecondition)drill.Preconditions[0];
        drill = drill with { Preconditions = [pre with { AtLeast = 5 }] };

        var report = await lab.RunAsync(drill);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Aborted));
        Assert.That(report.Reasons[0], Does.Contain("precondition failed").And.Contain("reviews-v2"));
        Assert.That(report.Restore.Objects, Is.Empty);
        AssertUnchanged(lab, before);
    }

    [Test]
    public async Task Run_ApiFaultsOnEveryCluster_StillRestoresVerified()
    {
        await using var lab = await LabRun.StartAsync();
        var before = lab.Snapshot();
        lab.Lab.Control.SetApiFaults("asm", 0.3, 503);
        lab.Lab.Control.SetApiFaults("ack-hangzhou", 0.3, 429);
        lab.Lab.Control.SetApiFaults("ack-shanghai", 0.3, 0);

        var report = await lab.RunAsync(lab.Drill("reviews-failover"));

        lab.Lab.Control.ClearFaults();
        Assert.That(report.Verdict, Is.Not.EqualTo(Verdict.Errored), string.Join("\n", report.Reasons));
        Assert.That(report.Restore.Status, Is.EqualTo(RestoreStatus.Verified));
        AssertUnchanged(lab, before);
    }

    [Test]
    public async Task Abort_MidObservation_AbortsAndRestores()
    {
        await using var lab = await LabRun.StartAsync();
        var before = lab.Snapshot();
        var waiter = new EventWaiter(e => e is PhaseChanged { Phase: RunPhase.Observe });
        var run = lab.Engine.Start(lab.Config, lab.Drill("reviews-failover") with { ObserveFor = TimeSpan.FromSeconds(30) }, new RunTrigger(TriggerKind.Cli, "test"), [waiter]);
        await waiter.Hit;

        Assert.That(run.Abort("Ctrl-C"), Is.True);
        var report = await run.Completion.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Aborted));
        Assert.That(report.Reasons, Has.Some.Contains("aborted: Ctrl-C"));
        Assert.That(report.Restore.Status, Is.EqualTo(RestoreStatus.Verified));
        Assert.That(report.Restore.Objects, Has.Count.EqualTo(3), "DestinationRules productpage and reviews, Deployment reviews-v1");
        AssertUnchanged(lab, before);
    }

    [Test]
    public async Task Run_ForbiddenMidDrill_ErroredAndRestored()
    {
        await using var lab = await LabRun.StartAsync();
        var before = lab.Snapshot();
        // after the permission preflight (which would refuse it up front) and the first step: the permission is revoked mid-drill
        var waiter = new EventWaiter(e => e is StepApplied { Index: 0 }, _ => lab.Lab.Control.Forbid("asm", "patch", "DestinationRule", "reviews"));

        var report = await lab.RunAsync(lab.Drill("reviews-failover"), waiter);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Errored));
        Assert.That(report.Reasons[0], Does.Contain("cluster mesh").And.Contain("patch").And.Contain("DestinationRule default/reviews").And.Contain("403"));
        Assert.That(report.Restore.Status, Is.EqualTo(RestoreStatus.Verified), "the productpage DestinationRule changed by step 1 is put back");
        AssertUnchanged(lab, before);
    }

    [Test]
    public async Task Run_RestoreForbidden_ReportsFailedRestoreAndRestoreServiceFinishesLater()
    {
        await using var lab = await LabRun.StartAsync();
        var before = lab.Snapshot();
        var waiter = new EventWaiter(e => e is StepApplied { Index: 1 }, _ => lab.Lab.Control.Forbid("ack-hangzhou", "patch", "Deployment", "reviews-v1"));
        var run = lab.Engine.Start(lab.Config, lab.Drill("reviews-failover-runbook-order"), new RunTrigger(TriggerKind.Cli, "test"), [waiter]);
        await waiter.Hit;

        var report = await run.Completion.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.That(report.Restore.Status, Is.EqualTo(RestoreStatus.Failed));
        var left = report.Restore.Objects.Single(o => !o.Ok);
        Assert.That((left.Cluster, left.Name, left.Before, left.During), Is.EqualTo(("hangzhou", "reviews-v1", "{\"spec.replicas\":1}", "{\"spec.replicas\":0}")));
        Assert.That(report.Reasons, Has.Some.StartsWith("RESTORE FAILED for hangzhou:Deployment/default/reviews-v1"));
        Assert.That(report.Restore.Objects.Single(o => o.Name == "reviews").Verified, Is.True, "restore went on past the failed item");

        lab.Lab.Control.ClearFaults();
        var recovered = await lab.Engine.CreateRestoreService(lab.Config).RestoreUnfinishedAsync(null, CancellationToken.None);

        Assert.That(recovered.Single().Restore.Status, Is.EqualTo(RestoreStatus.Verified));
        Assert.That(await lab.Journal.GetUnfinishedRunsAsync(CancellationToken.None), Is.Empty);
        AssertUnchanged(lab, before);
    }
}

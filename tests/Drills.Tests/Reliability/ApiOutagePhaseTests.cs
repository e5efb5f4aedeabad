using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;

namespace DrillBot.Drills.Tests.Reliability;

/// <summary>
/// The Kubernetes API entirely unavailable (500 on every call, no Retry-After, so the retries give up in ~1 s; or 403) during one phase: the run ends errored or goes
/// on, as the phase allows; whatever it changed is restored, or, when the restore itself cannot reach the API,
/// the report says what is left and a later restore finishes it.
/// </summary>
[NonParallelizable]
public sealed class ApiOutagePhaseTests
{
    [Test]
    public async Task Run_ApiDownDuringPreflight_ErroredNothingChangedNothingJournaled()
    {
        await using var lab = await ReliabilityLab.StartAsync();
        var before = lab.Snapshot();
        var faults = new PhaseFaults(lab.Lab.Control, RunPhase.Preflight, c => ApiFaultPhaseTests.Everywhere(c, 1, 500));

        var report = await lab.RunAsync(lab.Engine("runner"), lab.Drill("reviews-failover"), faults);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Errored));
        Assert.That(report.Reasons[0], Does.StartWith("cluster mesh: get DestinationRule default/productpage was refused: 500"), "the first read: the owner scan, before the lock");
        Assert.That(report.Restore.Objects, Is.Empty);
        Assert.That(await lab.LeaseAsync("hangzhou"), Is.Null, "no lease was even created");
        Assert.That(lab.Snapshot(), Is.EqualTo(before));
        Assert.That(await lab.UnfinishedAsync(), Is.Empty);
    }

    [Test]
    public async Task Run_LeaseForbiddenAtPreflight_ErroredNaming403()
    {
        await using var lab = await ReliabilityLab.StartAsync();
        var before = lab.Snapshot();
        var faults = new PhaseFaults(lab.Lab.Control, RunPhase.Preflight, c => c.Forbid("asm", "get", "Lease", "*"));

        var report = await lab.RunAsync(lab.Engine("runner"), lab.Drill("reviews-failover"), faults);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Errored));
        Assert.That(report.Reasons, Does.Contain("missing permission: cannot get leases.coordination.k8s.io \"drillbot-lock\" in namespace default (cluster mesh, context asm): needed to read the drill lock"),
            "the permission preflight sees it before the lock is taken");
        Assert.That(await lab.LeaseAsync("hangzhou"), Is.Null, "no lease was taken anywhere");
        Assert.That(lab.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task Run_MeshResetsEveryConnectionDuringSteps_ErroredAndTheFaultStepRestored()
    {
        await using var lab = await ReliabilityLab.StartAsync();
        var before = lab.Snapshot();
        var faults = new PhaseFaults(lab.Lab.Control, RunPhase.Steps, c => c.SetApiFaults("asm", 1, 0));

        var report = await lab.RunAsync(lab.Engine("runner"), lab.Drill("reviews-failover-runbook-order"), faults);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Errored));
        Assert.That(report.Reasons[0], Does.StartWith("step 2 (enableFailover) failed: cluster mesh"));
        Assert.That(report.Restore.Status, Is.EqualTo(RestoreStatus.Verified));
        Assert.That(report.Restore.Objects.Select(o => o.Name), Is.EqualTo(new[] { "reviews-v1" }));
        Assert.That(lab.Snapshot(), Is.EqualTo(before));
        Assert.That(await lab.UnfinishedAsync(), Is.Empty);
    }

    [Test]
    public async Task Run_ApiDownThroughoutObservation_LeaseLapsesRunStillCompletesAndRestores()
    {
        await using var lab = await ReliabilityLab.StartAsync();
        var before = lab.Snapshot();
        var faults = new PhaseFaults(lab.Lab.Control, RunPhase.Observe, c => ApiFaultPhaseTests.Everywhere(c, 1, 500));

        var report = await lab.RunAsync(lab.Engine("runner", TimeSpan.FromSeconds(1.5)), lab.Drill("reviews-failover"), faults);

        Assert.That(report.Verdict, Is.AnyOf(Verdict.Passed, Verdict.Failed), string.Join("\n", report.Reasons));
        Assert.That(report.Restore.Status, Is.EqualTo(RestoreStatus.Verified));
        Assert.That(lab.Snapshot(), Is.EqualTo(before));
        Assert.That((await lab.LeaseAsync("mesh"))!.Holder, Is.Null.Or.Empty, "released once the API is back");
    }

    [Test]
    public async Task Run_ApiDownDuringRestore_RestoreFailedReportSaysWhatIsLeftThenRestoreServiceFinishes()
    {
        await using var lab = await ReliabilityLab.StartAsync();
        var before = lab.Snapshot();
        var engine = lab.Engine("runner");
        var faults = new PhaseFaults(lab.Lab.Control, RunPhase.Restore, c => ApiFaultPhaseTests.Everywhere(c, 1, 500));

        var report = await lab.RunAsync(engine, lab.Drill("reviews-failover-runbook-order"), faults);
        lab.Lab.Control.ClearFaults();
        var left = lab.Snapshot();
        var resumed = await engine.CreateRestoreService(lab.Config).RestoreUnfinishedAsync(null, CancellationToken.None);

        Assert.That(report.Restore.Status, Is.EqualTo(RestoreStatus.Failed));
        Assert.That(report.Restore.Objects.Select(o => (o.Name, o.Ok, o.Before, o.During)), Is.EquivalentTo(new[]
        {
            ("reviews-v1", false, "{\"spec.replicas\":1}", "{\"spec.replicas\":0}"),
            ("reviews", false, report.Restore.Objects.Single(o => o.Name == "reviews").Before, report.Restore.Objects.Single(o => o.Name == "reviews").During),
        }));
        Assert.That(report.Reasons.Where(r => r.StartsWith("RESTORE FAILED for ", StringComparison.Ordinal)).ToList(), Has.Count.EqualTo(2));
        Assert.That(left, Is.Not.EqualTo(before), "the drill's changes are still there");
        Assert.That(resumed.Single().Run.RunId, Is.EqualTo(report.RunId));
        Assert.That(resumed[0].Restore.Status, Is.EqualTo(RestoreStatus.Verified));
        Assert.That(resumed[0].Notes, Has.Some.Contains($"from runner run {report.RunId}"), "its lease, never released, is taken over");
        Assert.That(lab.Snapshot(), Is.EqualTo(before));
        Assert.That(await lab.UnfinishedAsync(), Is.Empty);
    }

    [Test]
    public async Task Run_ApiDownDuringFailback_LeaseStaysButTheNextRunOfThisProcessTakesItOver()
    {
        await using var lab = await ReliabilityLab.StartAsync();
        var before = lab.Snapshot();
        var engine = lab.Engine("runner");
        var faults = new PhaseFaults(lab.Lab.Control, RunPhase.Failback, c => ApiFaultPhaseTests.Everywhere(c, 1, 500));

        var first = await lab.RunAsync(engine, lab.Drill("reviews-failover"), faults);
        lab.Lab.Control.ClearFaults();
        var stale = await lab.LeaseAsync("mesh");
        var second = await lab.RunAsync(engine, lab.Drill("reviews-failover"));

        Assert.That(first.Restore.Status, Is.EqualTo(RestoreStatus.Verified));
        Assert.That(first.Verdict, Is.AnyOf(Verdict.Passed, Verdict.Failed), string.Join("\n", first.Reasons));
        Assert.That(stale!.Holder, Is.EqualTo($"runner run {first.RunId}"), "the release could not reach the API");
        Assert.That(second.Reasons, Has.None.Contains("refused"), string.Join("\n", second.Reasons));
        Assert.That(second.Restore.Status, Is.EqualTo(RestoreStatus.Verified));
        Assert.That(lab.Snapshot(), Is.EqualTo(before));
    }
}

using System.Text.Json.Nodes;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using DrillBot.Drills.Running.Events;
using DrillBot.Drills.Steps;
using DrillBot.Lab;

namespace DrillBot.Drills.Tests.Running;

[NonParallelizable]
public sealed class LabRestoreTests
{
    private static readonly ObjectRef ReviewsRule = new("mesh", ObjectKind.DestinationRule, "default", "reviews");

    [Test]
    public async Task Run_SomeoneEditsTheObjectMeanwhile_TheirChangeKeptAndReportedAsConflict()
    {
        await using var lab = await LabRun.StartAsync();
        var waiter = new EventWaiter(e => e is StepApplied { Kind: "enableFailover" });
        var run = lab.Engine.Start(lab.Config, lab.Drill("reviews-failover-runbook-order"), new RunTrigger(TriggerKind.Cli, "test"), [waiter]);
        await waiter.Hit;
        var mesh = lab.Clusters.Create(lab.Config.Clusters["mesh"]).Value!;
        var edit = JsonNode.Parse("""{"metadata":{"labels":{"team":"sre"}},"spec":{"trafficPolicy":{"tls":{"mode":"ISTIO_MUTUAL"}}}}""")!.AsObject();
        Assert.That((await mesh.PatchAsync(ReviewsRule, edit, CancellationToken.None)).Ok, Is.True);

        var report = await run.Completion.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.That(report.Restore.Status, Is.EqualTo(RestoreStatus.Restored));
        var item = report.Restore.Objects.Single(o => o.Kind == "DestinationRule");
        Assert.That(item.Conflicts.Single(), Does.Contain("metadata.labels.team").And.Contain("spec.trafficPolicy.tls.mode").And.Contain("kept"));
        var after = JsonNode.Parse((await mesh.GetAsync(ReviewsRule, CancellationToken.None)).Value!.ToJsonString())!;
        Assert.Multiple(() =>
        {
            Assert.That(after["metadata"]!["labels"]!["team"]!.GetValue<string>(), Is.EqualTo("sre"));
            Assert.That(after["spec"]!["trafficPolicy"]!.ToJsonString(), Is.EqualTo("""{"tls":{"mode":"ISTIO_MUTUAL"}}"""));
            Assert.That(after["metadata"]!["annotations"], Is.Null);
        });
    }

    [Test]
    public async Task Run_SomeoneChangesAFieldTheDrillSet_LeftAsTheySetItAndReported()
    {
        await using var lab = await LabRun.StartAsync();
        var waiter = new EventWaiter(e => e is StepApplied { Kind: "enableFailover" });
        var run = lab.Engine.Start(lab.Config, lab.Drill("reviews-failover-runbook-order"), new RunTrigger(TriggerKind.Cli, "test"), [waiter]);
        await waiter.Hit;
        var hangzhou = lab.Clusters.Create(lab.Config.Clusters["hangzhou"]).Value!;
        Assert.That((await hangzhou.PatchScaleAsync("default", "reviews-v1", 3, CancellationToken.None)).Ok, Is.True);

        var report = await run.Completion.WaitAsync(TimeSpan.FromSeconds(60));

        var item = report.Restore.Objects.Single(o => o.Kind == "Deployment");
        Assert.That(item.Conflicts.Single(), Does.StartWith("spec.replicas: someone else set it to 3"));
        Assert.That((await hangzhou.GetScaleAsync("default", "reviews-v1", CancellationToken.None)).Value, Is.EqualTo(3));
        Assert.That(report.Restore.Objects.Single(o => o.Kind == "DestinationRule").Verified, Is.True);
    }

    [Test]
    public async Task Plan_DryRun_ShowsBeforeAfterAndChangesNothing()
    {
        await using var lab = await LabRun.StartAsync();
        var before = lab.Snapshot();
        var eventsBefore = lab.Lab.Events.Count;

        var plan = await lab.Engine.PlanAsync(lab.Config, lab.Drill("reviews-region-outage"), CancellationToken.None);

        Assert.That(plan.CanRun, Is.True);
        Assert.That(plan.Changes.Select(c => c.Kind), Is.EqualTo(new[] { "enableFailover", "enableFailover", "wait", "failWorkload" }));
        Assert.That(plan.Changes[1].Before, Does.Contain("\"spec.trafficPolicy.outlierDetection.consecutive5xxErrors\":null"));
        Assert.That(plan.Changes[1].After, Does.Contain("\"spec.trafficPolicy.outlierDetection.consecutive5xxErrors\":1"));
        Assert.That(plan.Changes[3].Restore, Is.EqualTo("delete EnvoyFilter default/drillbot-fail-reviews-v1"));
        Assert.That(plan.Notes, Has.Some.Contains("precondition shanghai/reviews-v2: 1 ready"));
        Assert.That(lab.Snapshot(), Is.EqualTo(before));
        Assert.That(lab.Lab.Events.Count(e => e.Kind is "scale-applied" or "policy-changed"), Is.EqualTo(lab.Lab.Events.Take(eventsBefore).Count(e => e.Kind is "scale-applied" or "policy-changed")));
    }

    [Test]
    public async Task RestoreOrphans_ObjectAnnotatedByALostRun_RestoredFromTheAnnotationAlone()
    {
        await using var lab = await LabRun.StartAsync();
        var before = lab.Snapshot();
        var lostJournal = new FileJournal(Path.Combine(Path.GetTempPath(), "lost-" + Guid.NewGuid().ToString("N")));
        var executor = new StepExecutor(lostJournal, TimeProvider.System);
        var drill = lab.Drill("reviews-region-outage");
        var seq = 0;
        foreach (var step in drill.Steps.OfType<DrillBot.Drills.Definitions.ObjectStepDefinition>())
        {
            var client = lab.Clusters.Create(lab.Config.Clusters[step.Cluster]).Value!;
            var outcome = await executor.ApplyAsync("lost-run", () => ++seq, step, client, _ => { }, CancellationToken.None);
            Assert.That(outcome.Ok, Is.True);
        }

        Directory.Delete(lostJournal.Directory, recursive: true);
        var service = lab.Engine.CreateRestoreService(lab.Config);

        var orphans = await service.FindOrphansAsync([], CancellationToken.None);
        var result = await service.RestoreOrphansAsync(orphans, CancellationToken.None);

        Assert.That(orphans.Select(o => (o.Target.Kind, o.Target.Name, o.RunId)), Is.EquivalentTo(new[] { (ObjectKind.DestinationRule, "productpage", "lost-run"), (ObjectKind.DestinationRule, "reviews", "lost-run"), (ObjectKind.EnvoyFilter, "drillbot-fail-reviews-v1", "lost-run") }));
        Assert.That(result.Status, Is.EqualTo(RestoreStatus.Verified), string.Join("\n", result.Items.Select(i => i.Error)));
        Assert.That(lab.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task Run_ModernTemplate_ClassifiedByTheirStarClasses()
    {
        await using var lab = await LabRun.StartAsync(LabRun.Fastest(LabTopology.Default with { Template = LabHtmlTemplate.Modern }));

        var report = await lab.RunAsync(lab.Drill("reviews-failover"));

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Passed), string.Join("\n", report.Reasons));
        Assert.That(report.Probes.ByClass.Keys, Is.SupersetOf(new[] { "cn-hangzhou", "cn-shanghai" }), "steady state is served by both regions");
        Assert.That(report.Recovery!.ServedBy, Is.EqualTo("cn-shanghai"));
    }
}

using System.Text.Json.Nodes;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Owners;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using DrillBot.Drills.Running.Events;
using DrillBot.Drills.Tests.Running;
using DrillBot.Lab;

namespace DrillBot.Drills.Tests.Owners;

/// <summary>
/// Drills against a Lab whose reviews-v1 is owned by a self-healing Argo CD Application (and by KEDA or an HPA): refused by
/// default before anything changes, paused and restored exactly with <c>owners: pause</c>, and aborted as drift, naming
/// the manager, when the owner is left running and reverts the fault.
/// </summary>
[NonParallelizable]
public sealed class LabOwnersTests
{
    [Test]
    public async Task Run_SelfHealingArgoOwner_RefuseByDefault_RefusedBeforeAnythingChanged()
    {
        await using var lab = await OwnedLab.StartAsync(OwnedLab.ArgoOnReviewsV1);
        var before = OwnedLab.Snapshot(lab);

        var report = await lab.RunAsync(lab.Drill("reviews-failover"));

        Assert.Multiple(() =>
        {
            Assert.That(report.Verdict, Is.EqualTo(Verdict.Aborted));
            Assert.That(report.Reasons, Has.Count.EqualTo(1));
            Assert.That(report.Reasons[0], Does.StartWith("refused: Deployment default/reviews-v1 is owned by Argo CD Application argocd/bookinfo in cluster hangzhou: automated sync with selfHeal")
                .And.Contain("set `owners: pause`").And.Not.Contain("\n"));
            Assert.That(report.Owners.Single().Action, Is.EqualTo(OwnerAction.Refused));
            Assert.That(report.Steps, Is.Empty);
            Assert.That(report.Restore.Objects, Is.Empty);
            Assert.That(OwnedLab.Snapshot(lab), Is.EqualTo(before), "the Application and every drill object as before");
            Assert.That(lab.Lab.GetObjectJson("ack-hangzhou", "Lease", "default", "drillbot-lock"), Is.Null, "not even the drill lock was taken");
        });
    }

    [Test]
    public async Task Run_SelfHealingArgoOwner_Pause_PassesAndTheApplicationIsRestoredExactly()
    {
        await using var lab = await OwnedLab.StartAsync(OwnedLab.ArgoOnReviewsV1);
        var before = OwnedLab.Snapshot(lab);
        JsonNode? automatedDuringRun = null;
        var waiter = new EventWaiter(e => e is PhaseChanged { Phase: RunPhase.Observe },
            _ => automatedDuringRun = JsonNode.Parse(lab.Lab.GetObjectJson("ack-hangzhou", "Application", "argocd", "bookinfo")!)!["spec"]!["syncPolicy"]!["automated"]);

        var report = await lab.RunAsync(lab.Drill("reviews-failover") with { Owners = OwnersPolicy.Pause }, waiter);

        var restored = report.Restore.Objects.Single(o => o.Kind == "Application");
        Assert.Multiple(() =>
        {
            Assert.That(report.Verdict, Is.EqualTo(Verdict.Passed), string.Join("\n", report.Reasons));
            Assert.That(report.Owners.Single().Action, Is.EqualTo(OwnerAction.Paused));
            Assert.That(automatedDuringRun, Is.Null, "automated sync off while the drill ran");
            Assert.That(lab.Lab.Events.Where(e => e.Kind == LabEventKinds.OwnerActed), Is.Empty, "Argo CD never reverted the fault");
            Assert.That((restored.Step, restored.Verified, restored.Before), Is.EqualTo(("pauseOwner", true, "{\"spec.syncPolicy.automated\":{\"prune\":true,\"selfHeal\":true}}")));
            Assert.That(report.Restore.Status, Is.EqualTo(RestoreStatus.Verified));
            Assert.That(OwnedLab.Snapshot(lab), Is.EqualTo(before), "the Application (automated sync, selfHeal) and every drill object exactly as before");
        });
    }

    [Test]
    public async Task Run_SelfHealingArgoOwner_Ignore_TheRevertAbortsTheRunNamingTheManager()
    {
        await using var lab = await OwnedLab.StartAsync(OwnedLab.ArgoOnReviewsV1);
        var before = OwnedLab.Snapshot(lab);

        var report = await lab.RunAsync(lab.Drill("reviews-failover") with { Owners = OwnersPolicy.Ignore });

        Assert.Multiple(() =>
        {
            Assert.That(report.Verdict, Is.EqualTo(Verdict.Aborted), string.Join("\n", report.Reasons));
            Assert.That(report.Reasons[0], Does.Match(@"^drift: reviews-v1 replicas changed to 1 by argocd-controller at t\+1\.\ds \(Deployment default/reviews-v1 in cluster hangzhou\)"));
            Assert.That(report.Owners.Single().Action, Is.EqualTo(OwnerAction.Ignored));
            Assert.That(report.Markers.Select(m => m.Kind), Does.Contain("drift"));
            Assert.That((report.Drift!.Name, report.Drift.Field, report.Drift.Value, report.Drift.Manager), Is.EqualTo(("reviews-v1", "spec.replicas", "1", "argocd-controller")));
            Assert.That(report.Drift.SecondsAfterFault, Is.InRange(1.0, 2.0), "the self-heal delay is 1 s");
            Assert.That(report.Restore.Status, Is.Not.EqualTo(RestoreStatus.Failed));
            Assert.That(OwnedLab.Snapshot(lab), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Run_SomeoneEditsTheDestinationRuleMidDrill_AbortedNamingTheFieldAndTheManager()
    {
        await using var lab = await LabRun.StartAsync();
        var waiter = new EventWaiter(e => e is StepApplied { Index: 1 }, _ => EditAsync().GetAwaiter().GetResult());

        var report = await lab.RunAsync(lab.Drill("reviews-failover"), waiter);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Aborted), string.Join("\n", report.Reasons));
        Assert.That(report.Reasons[0], Does.StartWith("drift: reviews spec.trafficPolicy.outlierDetection.consecutive5xxErrors changed to 7 by kubectl-edit at ").And.Contain("before the fault"));
        return;

        async Task EditAsync()
        {
            using var kube = new k8s.Kubernetes(k8s.KubernetesClientConfiguration.BuildConfigFromConfigFile(lab.Lab.KubeconfigPath, "asm"));
            await k8s.CustomObjectsOperationsExtensions.PatchNamespacedCustomObjectAsync(kube.CustomObjects,
                new k8s.Models.V1Patch("{\"spec\":{\"trafficPolicy\":{\"outlierDetection\":{\"consecutive5xxErrors\":7}}}}", k8s.Models.V1Patch.PatchType.MergePatch),
                "networking.istio.io", "v1", "default", "destinationrules", "reviews", fieldManager: "kubectl-edit");
        }
    }

    [Test]
    public async Task Run_KedaScaledObject_Pause_PassesAndTheAnnotationIsGoneAfterwards()
    {
        var keda = new LabOwnerSpec(LabOwnerKind.Keda, "ack-hangzhou", "reviews-v1") { Target = "reviews-v1", MinReplicas = 1 };
        await using var lab = await OwnedLab.StartAsync(keda);
        var before = OwnedLab.Snapshot(lab);

        var refused = await lab.RunAsync(lab.Drill("reviews-failover"));
        var paused = await lab.RunAsync(lab.Drill("reviews-failover") with { Owners = OwnersPolicy.Pause });

        Assert.Multiple(() =>
        {
            Assert.That(refused.Reasons[0], Does.Contain("KEDA ScaledObject default/reviews-v1 in cluster hangzhou").And.Contain("minReplicaCount (1)"));
            Assert.That(paused.Verdict, Is.EqualTo(Verdict.Passed), string.Join("\n", paused.Reasons));
            Assert.That(paused.Owners.Single().Detail, Does.Contain("autoscaling.keda.sh/paused"));
            Assert.That(OwnedLab.Snapshot(lab), Is.EqualTo(before), "the ScaledObject without the pause annotation again");
        });
    }

    [Test]
    public async Task Run_HpaOnTheScaledDeployment_AtZeroItDoesNotAct_RunsUnderRefuseAndSaysSo()
    {
        var hpa = new LabOwnerSpec(LabOwnerKind.Hpa, "ack-hangzhou", "reviews-v1") { Target = "reviews-v1", MinReplicas = 1, MaxReplicas = 3 };
        await using var lab = await OwnedLab.StartAsync(hpa);

        var report = await lab.RunAsync(lab.Drill("reviews-failover"));

        var owner = report.Owners.Single();
        Assert.That(report.Verdict, Is.EqualTo(Verdict.Passed), string.Join("\n", report.Reasons));
        Assert.That((owner.Type, owner.Acts, owner.Action), Is.EqualTo((OwnerType.Hpa, false, OwnerAction.None)));
        Assert.That(owner.Detail, Does.Contain("does not scale a target at 0 replicas"));
    }
}

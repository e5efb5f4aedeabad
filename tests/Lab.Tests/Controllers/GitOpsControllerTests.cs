using System.Text.Json.Nodes;
using k8s;

namespace DrillBot.Lab.Tests.Controllers;

/// <summary>
/// Argo CD self-heal and Flux drift correction as the Lab models them: a changed field of an owned object is written back
/// after the self-heal delay, with the controller's field manager, unless the owner is paused.
/// </summary>
public sealed class GitOpsControllerTests
{
    [Test]
    public async Task ArgoSelfHeal_ScaledToZero_RevertedAfterTheDelayAsArgocdController()
    {
        await using var lab = await TestLab.StartAsync(Owners.With(Owners.Argo("Deployment/reviews-v1")));
        var seeded = Owners.Get(lab, "ack-hangzhou", "Deployment", "default", "reviews-v1");

        await Owners.ScaleAsync(lab, 0);
        lab.Time.Advance(Owners.SelfHeal - TimeSpan.FromMilliseconds(100));
        var before = Owners.Replicas(lab);
        lab.Time.Advance(TimeSpan.FromMilliseconds(200));

        Assert.Multiple(() =>
        {
            Assert.That(seeded["metadata"]!["annotations"]!["argocd.argoproj.io/tracking-id"]!.ToString(), Is.EqualTo("bookinfo:apps/Deployment:default/reviews-v1"));
            Assert.That(before, Is.Zero, "not before the self-heal delay");
            Assert.That(Owners.Replicas(lab), Is.EqualTo(1));
            Assert.That(Owners.ReplicasManager(lab), Is.EqualTo("argocd-controller"));
            Assert.That(lab.EventsOf(LabEventKinds.OwnerActed).Single().Detail, Does.Contain("Argo CD self-heal by Application argocd/bookinfo reverted spec.replicas"));
        });
    }

    [Test]
    public async Task ArgoAutomatedSyncOff_ScaledToZero_StaysAtZero_AndRevertedOnceAutomatedIsBack()
    {
        await using var lab = await TestLab.StartAsync(Owners.With(Owners.Argo("Deployment/reviews-v1")));
        var automated = Owners.Get(lab, "ack-hangzhou", "Application", "argocd", "bookinfo")["spec"]!["syncPolicy"]!["automated"]!.ToJsonString();

        await Owners.PatchAsync(lab, "ack-hangzhou", "argoproj.io", "v1alpha1", "argocd", "applications", "bookinfo", "{\"spec\":{\"syncPolicy\":{\"automated\":null}}}");
        await Owners.ScaleAsync(lab, 0);
        lab.Time.Advance(Owners.SelfHeal * 3);
        var paused = Owners.Replicas(lab);
        await Owners.PatchAsync(lab, "ack-hangzhou", "argoproj.io", "v1alpha1", "argocd", "applications", "bookinfo", $"{{\"spec\":{{\"syncPolicy\":{{\"automated\":{automated}}}}}}}");
        lab.Time.Advance(Owners.SelfHeal + TimeSpan.FromMilliseconds(100));

        Assert.That(paused, Is.Zero, "automated sync off: nothing reverts the change");
        Assert.That(Owners.Replicas(lab), Is.EqualTo(1), "automated sync with selfHeal back: the drift is corrected");
    }

    [TestCase("{\"metadata\":{\"annotations\":{\"argocd.argoproj.io/skip-reconcile\":\"true\"}}}", TestName = "ArgoSkipReconcile_NothingReverted")]
    [TestCase("{\"spec\":{\"syncPolicy\":{\"automated\":{\"selfHeal\":false}}}}", TestName = "ArgoSelfHealFalse_NothingReverted")]
    [TestCase("{\"spec\":{\"syncPolicy\":{\"automated\":{\"enabled\":false}}}}", TestName = "ArgoAutomatedEnabledFalse_NothingReverted")]
    public async Task ArgoPaused_NothingReverted(string pause)
    {
        await using var lab = await TestLab.StartAsync(Owners.With(Owners.Argo("Deployment/reviews-v1")));

        await Owners.PatchAsync(lab, "ack-hangzhou", "argoproj.io", "v1alpha1", "argocd", "applications", "bookinfo", pause);
        await Owners.ScaleAsync(lab, 0);
        lab.Time.Advance(Owners.SelfHeal * 3);

        Assert.That(Owners.Replicas(lab), Is.Zero);
        Assert.That(lab.EventsOf(LabEventKinds.OwnerActed), Is.Empty);
    }

    [Test]
    public async Task FluxDriftCorrection_DestinationRuleEdited_RevertedAsKustomizeController_UnlessSuspended()
    {
        var flux = new LabOwnerSpec(LabOwnerKind.Flux, "asm", "mesh-config") { Objects = ["DestinationRule/reviews"] };
        await using var lab = await TestLab.StartAsync(Owners.With(flux));
        var seeded = Owners.Get(lab, "asm", "DestinationRule", "default", "reviews");

        await Owners.PatchAsync(lab, "asm", "networking.istio.io", "v1", "default", "destinationrules", "reviews", "{\"spec\":{\"host\":\"reviews.default.svc.cluster.local\"}}");
        lab.Time.Advance(Owners.SelfHeal + TimeSpan.FromMilliseconds(100));
        var reverted = Owners.Get(lab, "asm", "DestinationRule", "default", "reviews");
        await Owners.PatchAsync(lab, "asm", "kustomize.toolkit.fluxcd.io", "v1", "flux-system", "kustomizations", "mesh-config", "{\"spec\":{\"suspend\":true}}");
        await Owners.PatchAsync(lab, "asm", "networking.istio.io", "v1", "default", "destinationrules", "reviews", "{\"spec\":{\"host\":\"reviews.default.svc.cluster.local\"}}");
        lab.Time.Advance(Owners.SelfHeal * 3);

        Assert.Multiple(() =>
        {
            Assert.That(seeded["metadata"]!["labels"]!["kustomize.toolkit.fluxcd.io/name"]!.ToString(), Is.EqualTo("mesh-config"));
            Assert.That(seeded["metadata"]!["labels"]!["kustomize.toolkit.fluxcd.io/namespace"]!.ToString(), Is.EqualTo("flux-system"));
            Assert.That(reverted["spec"]!["host"]!.ToString(), Is.EqualTo("reviews"));
            Assert.That(reverted["metadata"]!["managedFields"]!.AsArray().Single(e => e!["fieldsV1"]!["f:spec"]?["f:host"] is not null)!["manager"]!.ToString(), Is.EqualTo("kustomize-controller"));
            Assert.That(Owners.Get(lab, "asm", "DestinationRule", "default", "reviews")["spec"]!["host"]!.ToString(), Is.EqualTo("reviews.default.svc.cluster.local"), "suspended: left as edited");
        });
    }

    [Test]
    public async Task GitOps_FieldNotInTheDesiredState_Kept_AsAThreeWayApplyKeepsIt()
    {
        var flux = new LabOwnerSpec(LabOwnerKind.Flux, "asm", "mesh-config") { Objects = ["DestinationRule/reviews"] };
        await using var lab = await TestLab.StartAsync(Owners.With(flux));

        await Owners.PatchAsync(lab, "asm", "networking.istio.io", "v1", "default", "destinationrules", "reviews",
            "{\"metadata\":{\"annotations\":{\"drillbot.io/run\":\"r1\"}},\"spec\":{\"trafficPolicy\":{\"outlierDetection\":{\"consecutive5xxErrors\":1}}}}");
        lab.Time.Advance(Owners.SelfHeal * 3);

        var rule = Owners.Get(lab, "asm", "DestinationRule", "default", "reviews");
        Assert.That(rule["spec"]!["trafficPolicy"], Is.Not.Null, "git has no trafficPolicy: nothing to correct");
        Assert.That(rule["metadata"]!["annotations"]!["drillbot.io/run"]!.ToString(), Is.EqualTo("r1"));
        Assert.That(lab.EventsOf(LabEventKinds.OwnerActed), Is.Empty);
    }

    [Test]
    public async Task FluxReconcileDisabledOnTheObject_NotReverted()
    {
        var flux = new LabOwnerSpec(LabOwnerKind.Flux, "ack-hangzhou", "apps") { Objects = ["Deployment/reviews-v1"] };
        await using var lab = await TestLab.StartAsync(Owners.With(flux));

        await lab.Kube("ack-hangzhou").AppsV1.PatchNamespacedDeploymentAsync(new k8s.Models.V1Patch("{\"metadata\":{\"annotations\":{\"kustomize.toolkit.fluxcd.io/reconcile\":\"disabled\"}}}",
            k8s.Models.V1Patch.PatchType.MergePatch), "reviews-v1", "default");
        await Owners.ScaleAsync(lab, 0);
        lab.Time.Advance(Owners.SelfHeal * 3);

        Assert.That(Owners.Replicas(lab), Is.Zero);
    }
}

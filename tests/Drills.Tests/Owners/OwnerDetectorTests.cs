using DrillBot.Drills.Cluster;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Owners;
using DrillBot.Drills.Tests.Running;

namespace DrillBot.Drills.Tests.Owners;

/// <summary>The owner scan on an in-memory cluster: how each owner is recognised and judged.</summary>
public sealed class OwnerDetectorTests
{
    private static ScaleStep Scale(int replicas) => new() { Cluster = "c", Namespace = "default", Deployment = "reviews-v1", Replicas = replicas, Fault = true };

    private static DrillDefinition Drill(params StepDefinition[] steps) => Analysis.Drill.Failover() with { Steps = steps };

    private static async Task<IReadOnlyList<OwnerFinding>> ScanAsync(FakeCluster cluster, params StepDefinition[] steps) =>
        (await OwnerDetector.ScanAsync(Drill(steps), _ => ClusterResult<IClusterClient>.Success(cluster), CancellationToken.None)).Findings;

    private static FakeCluster WithDeployment(string metadata = "{}")
    {
        var cluster = new FakeCluster("c");
        cluster.Put(ObjectKind.Deployment, "reviews-v1", "{\"metadata\":" + metadata + ",\"spec\":{\"replicas\":1}}");
        return cluster;
    }

    [Test]
    public async Task TrackingIdOfAnAppInAnyNamespace_FindsTheApplicationInThatNamespace()
    {
        var cluster = WithDeployment("""{"annotations":{"argocd.argoproj.io/tracking-id":"team-a_shop:apps/Deployment:default/reviews-v1"}}""");
        cluster.Put(ObjectKind.Application, "shop", """{"metadata":{"name":"shop","namespace":"team-a"},"spec":{"syncPolicy":{"automated":{"selfHeal":true}}}}""", "team-a");

        var finding = (await ScanAsync(cluster, Scale(0))).Single();

        Assert.That((finding.Type, finding.Owner.Namespace, finding.Owner.Name, finding.Acts), Is.EqualTo((OwnerType.ArgoCd, "team-a", "shop", true)));
    }

    [TestCase("""{"automated":{"selfHeal":false}}""", false, "without selfHeal")]
    [TestCase("""{}""", false, "no automated sync")]
    [TestCase("""{"automated":{"selfHeal":true,"enabled":false}}""", false, "no automated sync")]
    [TestCase("""{"automated":{"selfHeal":true}}""", true, "automated sync with selfHeal")]
    public async Task InstanceLabel_SyncPolicy_DecidesWhetherArgoActs(string syncPolicy, bool acts, string why)
    {
        var cluster = WithDeployment("""{"labels":{"argocd.argoproj.io/instance":"bookinfo"}}""");
        cluster.Put(ObjectKind.Application, "bookinfo", "{\"metadata\":{\"name\":\"bookinfo\",\"namespace\":\"argocd\"},\"spec\":{\"syncPolicy\":" + syncPolicy + "}}", "argocd");

        var finding = (await ScanAsync(cluster, Scale(0))).Single();

        Assert.That(finding.Acts, Is.EqualTo(acts));
        Assert.That(finding.Why, Does.Contain(why));
    }

    [Test]
    public async Task ApplicationNotFound_ActsAssumedAndCannotBePaused()
    {
        var finding = (await ScanAsync(WithDeployment("""{"labels":{"argocd.argoproj.io/instance":"elsewhere"}}"""), Scale(0))).Single();

        Assert.That((finding.Found, finding.Acts), Is.EqualTo((false, true)));
        Assert.That(finding.CannotPause, Does.Contain("Argo CD may run in another cluster"));
        Assert.That(OwnerDecision.Of([finding], OwnersPolicy.Pause).Refusal, Does.Contain("which DrillBot cannot pause"));
    }

    [Test]
    public async Task ApplicationFromAnApplicationSet_CannotBePaused()
    {
        var cluster = WithDeployment("""{"labels":{"argocd.argoproj.io/instance":"bookinfo"}}""");
        cluster.Put(ObjectKind.Application, "bookinfo", """{"metadata":{"name":"bookinfo","namespace":"argocd","ownerReferences":[{"kind":"ApplicationSet","name":"all-apps"}]},"spec":{"syncPolicy":{"automated":{"selfHeal":true}}}}""", "argocd");

        var finding = (await ScanAsync(cluster, Scale(0))).Single();

        Assert.That(finding.CannotPause, Does.Contain("ApplicationSet all-apps"));
    }

    [TestCase("""{"suspend":true}""", "{}", false)]
    [TestCase("""{"interval":"10m"}""", """{"annotations":{"kustomize.toolkit.fluxcd.io/reconcile":"disabled"}}""", false)]
    [TestCase("""{"interval":"10m"}""", "{}", true)]
    public async Task FluxLabels_SuspendAndReconcileDisabled_DecideWhetherFluxActs(string spec, string extra, bool acts)
    {
        var cluster = new FakeCluster("c");
        var meta = System.Text.Json.Nodes.JsonNode.Parse(extra)!.AsObject();
        meta["labels"] = new System.Text.Json.Nodes.JsonObject { ["kustomize.toolkit.fluxcd.io/name"] = "apps", ["kustomize.toolkit.fluxcd.io/namespace"] = "flux-system" };
        cluster.Put(ObjectKind.Deployment, "reviews-v1", "{\"metadata\":" + meta.ToJsonString() + ",\"spec\":{\"replicas\":1}}");
        cluster.Put(ObjectKind.Kustomization, "apps", "{\"metadata\":{\"name\":\"apps\",\"namespace\":\"flux-system\"},\"spec\":" + spec + "}", "flux-system");

        var finding = (await ScanAsync(cluster, Scale(0))).Single();

        Assert.That((finding.Type, finding.Acts), Is.EqualTo((OwnerType.Flux, acts)));
        Assert.That(finding.Pause!.ToJsonString(), Is.EqualTo("""{"spec":{"suspend":true}}"""));
    }

    [Test]
    public async Task ScaledObjectAndHpas_OnlyThoseTargetingTheDeployment_KedasOwnHpaLeftToKeda()
    {
        var cluster = WithDeployment();
        cluster.Put(ObjectKind.ScaledObject, "reviews-v1", """{"metadata":{"name":"reviews-v1"},"spec":{"scaleTargetRef":{"name":"reviews-v1"},"minReplicaCount":0}}""");
        cluster.Put(ObjectKind.ScaledObject, "other", """{"metadata":{"name":"other"},"spec":{"scaleTargetRef":{"name":"ratings-v1"}}}""");
        cluster.Put(ObjectKind.HorizontalPodAutoscaler, "keda-hpa-reviews-v1", """{"metadata":{"name":"keda-hpa-reviews-v1","ownerReferences":[{"kind":"ScaledObject","name":"reviews-v1"}]},"spec":{"scaleTargetRef":{"kind":"Deployment","name":"reviews-v1"},"maxReplicas":5}}""");
        cluster.Put(ObjectKind.HorizontalPodAutoscaler, "reviews-v1", """{"metadata":{"name":"reviews-v1"},"spec":{"scaleTargetRef":{"kind":"Deployment","name":"reviews-v1"},"minReplicas":1,"maxReplicas":5}}""");

        var atZero = await ScanAsync(cluster, Scale(0));
        var atThree = await ScanAsync(cluster, Scale(3));

        Assert.Multiple(() =>
        {
            Assert.That(atZero.Select(f => (f.Type, f.Owner.Name, f.Acts)), Is.EqualTo(new[] { (OwnerType.Keda, "reviews-v1", true), (OwnerType.Hpa, "reviews-v1", false) }));
            Assert.That(atZero[0].Why, Does.Contain("from 0 to 1"));
            Assert.That(atThree.Single(f => f.Type == OwnerType.Hpa).Acts, Is.True, "above 0 the HPA sets the replicas");
            Assert.That(atThree.Single(f => f.Type == OwnerType.Hpa).Pause!.ToJsonString(), Is.EqualTo("""{"spec":{"minReplicas":3,"maxReplicas":3}}"""));
        });
    }

    [Test]
    public async Task KedaPausedReplicas_HoldingAnotherCount_CannotBePausedByDrillBot()
    {
        var cluster = WithDeployment();
        cluster.Put(ObjectKind.ScaledObject, "reviews-v1", """{"metadata":{"name":"reviews-v1","annotations":{"autoscaling.keda.sh/paused-replicas":"2"}},"spec":{"scaleTargetRef":{"name":"reviews-v1"}}}""");

        var finding = (await ScanAsync(cluster, Scale(0))).Single();

        Assert.That(finding.Acts, Is.True);
        Assert.That(finding.CannotPause, Does.Contain("holds reviews-v1 at 2 replicas"));
    }

    [Test]
    public async Task ForbiddenList_IsAMissingPermissionNotAnError()
    {
        var cluster = WithDeployment();
        cluster.ForbiddenLists.Add(ObjectKind.HorizontalPodAutoscaler);

        var scan = await OwnerDetector.ScanAsync(Drill(Scale(0)), _ => ClusterResult<IClusterClient>.Success(cluster), CancellationToken.None);

        var read = scan.Reads.Single(r => r.Check.Resource == "horizontalpodautoscalers");
        Assert.That((read.Allowed, read.Check.Verb, scan.Errors.Count), Is.EqualTo((false, "list", 0)));
    }
}

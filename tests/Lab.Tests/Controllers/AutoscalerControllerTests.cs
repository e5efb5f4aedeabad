namespace DrillBot.Lab.Tests.Controllers;

/// <summary>
/// KEDA and the HPA at and around zero replicas: KEDA scales a target back up (to minReplicaCount, or from zero to 1) unless
/// paused; an HPA leaves a target at 0 alone (implicit maintenance mode) and keeps others within its bounds.
/// </summary>
public sealed class AutoscalerControllerTests
{
    private static LabOwnerSpec Keda(int min) => new(LabOwnerKind.Keda, "ack-hangzhou", "reviews-v1") { Target = "reviews-v1", MinReplicas = min, MaxReplicas = 3 };

    private static LabOwnerSpec Hpa() => new(LabOwnerKind.Hpa, "ack-hangzhou", "reviews-v1") { Target = "reviews-v1", MinReplicas = 1, MaxReplicas = 2 };

    [TestCase(1, 1)]
    [TestCase(0, 1)]
    public async Task Keda_ScaledToZero_ScaledBackAtTheNextSyncAsKedaOperator(int minReplicaCount, int expected)
    {
        await using var lab = await TestLab.StartAsync(Owners.With(Keda(minReplicaCount)));

        await Owners.ScaleAsync(lab, 0);
        lab.Time.Advance(Owners.Sync - TimeSpan.FromMilliseconds(100));
        var before = Owners.Replicas(lab);
        lab.Time.Advance(TimeSpan.FromMilliseconds(200));

        Assert.That(before, Is.Zero);
        Assert.That(Owners.Replicas(lab), Is.EqualTo(expected));
        Assert.That(Owners.ReplicasManager(lab), Is.EqualTo("keda-operator"));
    }

    [Test]
    public async Task KedaPausedTrue_ScaledToZero_StaysAtZero()
    {
        await using var lab = await TestLab.StartAsync(Owners.With(Keda(1)));

        await Owners.PatchAsync(lab, "ack-hangzhou", "keda.sh", "v1alpha1", "default", "scaledobjects", "reviews-v1", "{\"metadata\":{\"annotations\":{\"autoscaling.keda.sh/paused\":\"true\"}}}");
        await Owners.ScaleAsync(lab, 0);
        lab.Time.Advance(Owners.Sync * 3);

        Assert.That(Owners.Replicas(lab), Is.Zero);
    }

    [Test]
    public async Task KedaPausedReplicas_HoldsTheTargetAtThatCount()
    {
        await using var lab = await TestLab.StartAsync(Owners.With(Keda(1)));

        await Owners.PatchAsync(lab, "ack-hangzhou", "keda.sh", "v1alpha1", "default", "scaledobjects", "reviews-v1", "{\"metadata\":{\"annotations\":{\"autoscaling.keda.sh/paused-replicas\":\"0\"}}}");
        lab.Time.Advance(Owners.Sync + TimeSpan.FromMilliseconds(100));
        var paused = Owners.Replicas(lab);
        await Owners.ScaleAsync(lab, 2);
        lab.Time.Advance(Owners.Sync + TimeSpan.FromMilliseconds(100));

        Assert.That(paused, Is.Zero, "paused-replicas: KEDA scales the target to the paused count");
        Assert.That(Owners.Replicas(lab), Is.Zero, "and holds it there");
    }

    [Test]
    public async Task Hpa_ScaledToZero_LeftAtZero_ScalingActiveFalse()
    {
        await using var lab = await TestLab.StartAsync(Owners.With(Hpa()));

        await Owners.ScaleAsync(lab, 0);
        lab.Time.Advance(Owners.Sync * 3);

        var condition = Owners.Get(lab, "ack-hangzhou", "HorizontalPodAutoscaler", "default", "reviews-v1")["status"]!["conditions"]![0]!;
        Assert.That(Owners.Replicas(lab), Is.Zero);
        Assert.That(condition["reason"]!.ToString(), Is.EqualTo("ScalingDisabled"));
        Assert.That(lab.EventsOf(LabEventKinds.OwnerActed), Is.Empty);
    }

    [Test]
    public async Task Hpa_ScaledAboveMax_ScaledBackToMaxAsKubeControllerManager()
    {
        await using var lab = await TestLab.StartAsync(Owners.With(Hpa()));

        await Owners.ScaleAsync(lab, 5);
        lab.Time.Advance(Owners.Sync + TimeSpan.FromMilliseconds(100));

        Assert.That(Owners.Replicas(lab), Is.EqualTo(2));
        Assert.That(Owners.ReplicasManager(lab), Is.EqualTo("kube-controller-manager"));
    }
}

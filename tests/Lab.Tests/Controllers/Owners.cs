using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace DrillBot.Lab.Tests.Controllers;

/// <summary>Topologies with owners, and reads of the Lab's objects, for the controller tests.</summary>
internal static class Owners
{
    public static readonly TimeSpan SelfHeal = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan Sync = TimeSpan.FromSeconds(3);

    public static LabTopology With(params LabOwnerSpec[] owners)
    {
        var fast = TestLab.Fast();
        return fast with { Owners = owners, Timing = fast.Timing with { SelfHealDelay = SelfHeal, AutoscalerSyncPeriod = Sync } };
    }

    public static LabOwnerSpec Argo(params string[] objects) => new(LabOwnerKind.ArgoCd, "ack-hangzhou", "bookinfo") { Objects = objects };

    public static JsonObject Get(TestLab lab, string context, string kind, string ns, string name) =>
        JsonNode.Parse(lab.Host.GetObjectJson(context, kind, ns, name)!)!.AsObject();

    public static int Replicas(TestLab lab, string deployment = "reviews-v1", string context = "ack-hangzhou") =>
        Get(lab, context, "Deployment", "default", deployment)["spec"]!["replicas"]!.GetValue<int>();

    public static Task ScaleAsync(TestLab lab, int replicas, string deployment = "reviews-v1", string context = "ack-hangzhou") =>
        lab.Kube(context).AppsV1.PatchNamespacedDeploymentScaleAsync(new V1Patch($"{{\"spec\":{{\"replicas\":{replicas}}}}}", V1Patch.PatchType.MergePatch), deployment, "default", fieldManager: "drillbot");

    public static Task PatchAsync(TestLab lab, string context, string group, string version, string ns, string plural, string name, string mergePatch) =>
        lab.Kube(context).CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch(mergePatch, V1Patch.PatchType.MergePatch), group, version, ns, plural, name, fieldManager: "drillbot");

    /// <summary>The manager that owns <c>spec.replicas</c> (managedFields), or null.</summary>
    public static string? ReplicasManager(TestLab lab, string deployment = "reviews-v1") =>
        (Get(lab, "ack-hangzhou", "Deployment", "default", deployment)["metadata"]!["managedFields"] as JsonArray ?? [])
            .FirstOrDefault(e => e!["fieldsV1"]?["f:spec"]?["f:replicas"] is not null)?["manager"]?.ToString();
}

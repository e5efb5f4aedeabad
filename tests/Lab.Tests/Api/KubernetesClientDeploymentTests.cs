using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace DrillBot.Lab.Tests.Api;

/// <summary>KubernetesClient 21 driving the emulated Deployments API over HTTPS.</summary>
public sealed class KubernetesClientDeploymentTests
{
    [Test]
    public async Task ReadNamespacedDeployment_Default_HasRunbookLabelsAndReadyReplica()
    {
        await using var lab = await TestLab.StartAsync();

        var deployment = await lab.Kube("ack-hangzhou").AppsV1.ReadNamespacedDeploymentAsync("reviews-v1", "default");

        Assert.That(deployment.Metadata.Labels, Is.EquivalentTo(new Dictionary<string, string> { ["app"] = "reviews", ["version"] = "v1" }));
        Assert.That(deployment.Spec.Replicas, Is.EqualTo(1));
        Assert.That(deployment.Status.ReadyReplicas, Is.EqualTo(1));
        Assert.That(deployment.Metadata.ResourceVersion, Is.Not.Empty);
    }

    [Test]
    public async Task ListNamespacedDeployment_EachRegion_ListsItsBookinfo()
    {
        await using var lab = await TestLab.StartAsync();

        var hangzhou = await lab.Kube("ack-hangzhou").AppsV1.ListNamespacedDeploymentAsync("default");
        var shanghai = await lab.Kube("ack-shanghai").AppsV1.ListNamespacedDeploymentAsync("default", labelSelector: "app=reviews");

        Assert.That(hangzhou.Items.Select(d => d.Metadata.Name), Is.EquivalentTo(new[] { "details-v1", "productpage-v1", "ratings-v1", "reviews-v1" }));
        Assert.That(shanghai.Items.Select(d => d.Metadata.Name), Is.EquivalentTo(new[] { "reviews-v2" }));
    }

    [Test]
    public async Task PatchScale_ToZeroAndBack_ReadyReplicasFollowPods()
    {
        await using var lab = await TestLab.StartAsync();
        var apps = lab.Kube("ack-hangzhou").AppsV1;

        var scale = await apps.PatchNamespacedDeploymentScaleAsync(new V1Patch("{\"spec\":{\"replicas\":0}}", V1Patch.PatchType.MergePatch), "reviews-v1", "default");
        var down = await apps.ReadNamespacedDeploymentAsync("reviews-v1", "default");
        await apps.PatchNamespacedDeploymentScaleAsync(new V1Patch("{\"spec\":{\"replicas\":2}}", V1Patch.PatchType.MergePatch), "reviews-v1", "default");
        var starting = await apps.ReadNamespacedDeploymentAsync("reviews-v1", "default");
        lab.Time.Advance(TimeSpan.FromMilliseconds(500));
        var ready = await apps.ReadNamespacedDeploymentAsync("reviews-v1", "default");

        Assert.That(scale.Spec.Replicas, Is.EqualTo(0));
        Assert.That(down.Status.ReadyReplicas ?? 0, Is.EqualTo(0));
        Assert.That(starting.Status.Replicas, Is.EqualTo(2));
        Assert.That(starting.Status.ReadyReplicas ?? 0, Is.EqualTo(0));
        Assert.That(ready.Status.ReadyReplicas, Is.EqualTo(2));
        Assert.That(ready.Status.AvailableReplicas, Is.EqualTo(2));
        Assert.That(ready.Metadata.Generation, Is.EqualTo(3));
    }

    [Test]
    public async Task ReadScale_Default_ReportsSelectorAndReplicas()
    {
        await using var lab = await TestLab.StartAsync();

        var scale = await lab.Kube("ack-shanghai").AppsV1.ReadNamespacedDeploymentScaleAsync("reviews-v2", "default");

        Assert.That(scale.Spec.Replicas, Is.EqualTo(1));
        Assert.That(scale.Status.Selector, Is.EqualTo("app=reviews,version=v2"));
    }

    [Test]
    public async Task ReplaceDeployment_StaleResourceVersion_Conflict409AndUntouched()
    {
        await using var lab = await TestLab.StartAsync();
        var apps = lab.Kube("ack-hangzhou").AppsV1;
        var stale = await apps.ReadNamespacedDeploymentAsync("reviews-v1", "default");
        await apps.PatchNamespacedDeploymentAsync(new V1Patch("{\"metadata\":{\"labels\":{\"touched\":\"yes\"}}}", V1Patch.PatchType.MergePatch), "reviews-v1", "default");
        var before = lab.Host.GetObjectJson("ack-hangzhou", "Deployment", "default", "reviews-v1");

        stale.Spec.Replicas = 0;
        var ex = Assert.ThrowsAsync<HttpOperationException>(() => apps.ReplaceNamespacedDeploymentAsync(stale, "reviews-v1", "default"));

        Assert.That(ex!.Response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(ex.Response.Content, Does.Contain("\"reason\":\"Conflict\""));
        Assert.That(lab.Host.GetObjectJson("ack-hangzhou", "Deployment", "default", "reviews-v1"), Is.EqualTo(before));
    }

    [Test]
    public async Task PatchDeployment_StrategicMergeOnContainers_MergesByName()
    {
        await using var lab = await TestLab.StartAsync();
        var apps = lab.Kube("ack-hangzhou").AppsV1;

        var patched = await apps.PatchNamespacedDeploymentAsync(new V1Patch(
            """{"spec":{"template":{"spec":{"containers":[{"name":"reviews","env":[{"name":"LOG_DIR","value":"/tmp/logs"}]}]}}}}""",
            V1Patch.PatchType.StrategicMergePatch), "reviews-v1", "default");

        var container = patched.Spec.Template.Spec.Containers.Single();
        Assert.That(container.Image, Does.StartWith("docker.io/istio/examples-bookinfo-reviews-v1"));
        Assert.That(container.Env.Single().Value, Is.EqualTo("/tmp/logs"));
    }

    [Test]
    public async Task PatchDeployment_NegativeReplicas_Invalid422AndUntouched()
    {
        await using var lab = await TestLab.StartAsync();
        var before = lab.Host.GetObjectJson("ack-hangzhou", "Deployment", "default", "reviews-v1");

        var ex = Assert.ThrowsAsync<HttpOperationException>(() => lab.Kube("ack-hangzhou").AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch("{\"spec\":{\"replicas\":-1}}", V1Patch.PatchType.MergePatch), "reviews-v1", "default"));

        Assert.That(ex!.Response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(ex.Response.Content, Does.Contain("spec.replicas"));
        Assert.That(lab.Host.GetObjectJson("ack-hangzhou", "Deployment", "default", "reviews-v1"), Is.EqualTo(before));
    }

    [Test]
    public async Task PatchDeployment_MalformedJson_BadRequest400AndUntouched()
    {
        await using var lab = await TestLab.StartAsync();
        var before = lab.Host.GetObjectJson("ack-hangzhou", "Deployment", "default", "reviews-v1");

        var (status, body) = await lab.RawApiAsync("ack-hangzhou", HttpMethod.Patch, "/apis/apps/v1/namespaces/default/deployments/reviews-v1",
            "application/merge-patch+json", "{\"spec\":");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body, Does.Contain("\"kind\":\"Status\""));
        Assert.That(lab.Host.GetObjectJson("ack-hangzhou", "Deployment", "default", "reviews-v1"), Is.EqualTo(before));
    }

    [Test]
    public async Task AddThenRemoveLastAnnotation_RestoresObjectByteForByteApartFromVersionAndManagedFields()
    {
        await using var lab = await TestLab.StartAsync();
        var custom = lab.Kube("asm").CustomObjects;
        var original = lab.Host.GetObjectJson("asm", "DestinationRule", "default", "reviews");

        await custom.PatchNamespacedCustomObjectAsync(new V1Patch("""{"metadata":{"annotations":{"drillbot.io/run":"r1"}}}""", V1Patch.PatchType.MergePatch),
            "networking.istio.io", "v1", "default", "destinationrules", "reviews");
        await custom.PatchNamespacedCustomObjectAsync(new V1Patch("""{"metadata":{"annotations":{"drillbot.io/run":null}}}""", V1Patch.PatchType.MergePatch),
            "networking.istio.io", "v1", "default", "destinationrules", "reviews");
        var restored = lab.Host.GetObjectJson("asm", "DestinationRule", "default", "reviews");

        var managed = System.Text.Json.Nodes.JsonNode.Parse(restored!)!["metadata"]!["managedFields"];
        Assert.That(WithoutManagedFields(Without(restored!, "resourceVersion")), Is.EqualTo(Without(original!, "resourceVersion")));
        Assert.That(restored, Does.Not.Contain("annotations"));
        Assert.That(managed, Is.Null, "the only field the writer changed is gone again: its managedFields entry is dropped, as the API server does");
    }

    private static string WithoutManagedFields(string json)
    {
        var obj = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        obj["metadata"]!.AsObject().Remove("managedFields");
        return obj.ToJsonString();
    }

    private static string Without(string json, string field) =>
        System.Text.RegularExpressions.Regex.Replace(json, $"\"{field}\":\"[^\"]*\",?", "");
}

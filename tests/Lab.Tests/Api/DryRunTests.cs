using k8s;
using k8s.Autorest;
using k8s.Models;

namespace DrillBot.Lab.Tests.Api;

/// <summary><c>?dryRun=All</c> (https://kubernetes.io/docs/reference/using-api/api-concepts/#dry-run): the answer of the write, nothing stored.</summary>
public sealed class DryRunTests
{
    [Test]
    public async Task PatchScaleDryRun_AnswersTheNewReplicas_ChangesNothing()
    {
        await using var lab = await TestLab.StartAsync();
        var before = lab.Host.GetObjectJson("ack-hangzhou", "Deployment", "default", "reviews-v1");

        var scale = await lab.Kube("ack-hangzhou").AppsV1.PatchNamespacedDeploymentScaleAsync(new V1Patch("{\"spec\":{\"replicas\":0}}", V1Patch.PatchType.MergePatch), "reviews-v1", "default", dryRun: "All");

        Assert.That(scale.Spec.Replicas, Is.Zero);
        Assert.That(lab.Host.GetObjectJson("ack-hangzhou", "Deployment", "default", "reviews-v1"), Is.EqualTo(before));
        Assert.That(lab.EventsOf(LabEventKinds.ScaleApplied), Is.Empty);
    }

    [Test]
    public async Task CreateAndPatchDryRun_CustomResources_NothingStored()
    {
        await using var lab = await TestLab.StartAsync();
        var custom = lab.Kube("asm").CustomObjects;
        var before = lab.Host.GetObjectJson("asm", "DestinationRule", "default", "reviews");
        var filter = new { apiVersion = "networking.istio.io/v1alpha3", kind = "EnvoyFilter", metadata = new { name = "dry" }, spec = new { workloadSelector = new { labels = new { app = "reviews" } } } };

        await custom.CreateNamespacedCustomObjectAsync(filter, "networking.istio.io", "v1alpha3", "default", "envoyfilters", dryRun: "All");
        var patched = (System.Text.Json.JsonElement)await custom.PatchNamespacedCustomObjectAsync(new V1Patch("{\"spec\":{\"trafficPolicy\":{\"outlierDetection\":{\"consecutive5xxErrors\":1}}}}", V1Patch.PatchType.MergePatch),
            "networking.istio.io", "v1", "default", "destinationrules", "reviews", dryRun: "All");

        Assert.That(patched.GetProperty("spec").GetProperty("trafficPolicy").GetProperty("outlierDetection").GetProperty("consecutive5xxErrors").GetInt32(), Is.EqualTo(1));
        Assert.That(lab.Host.GetObjectJson("asm", "EnvoyFilter", "default", "dry"), Is.Null);
        Assert.That(lab.Host.GetObjectJson("asm", "DestinationRule", "default", "reviews"), Is.EqualTo(before));
    }

    [Test]
    public async Task PatchDryRun_InvalidForTheWebhook_400LikeTheRealWrite()
    {
        await using var lab = await TestLab.StartAsync();

        var refused = Assert.ThrowsAsync<HttpOperationException>(() => lab.Kube("asm").CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("{\"spec\":{\"trafficPolicy\":{\"loadBalancer\":{\"localityLbSetting\":{\"distribute\":[{\"from\":\"a/*\",\"to\":{\"b/*\":50}}]}}}}}", V1Patch.PatchType.MergePatch),
            "networking.istio.io", "v1", "default", "destinationrules", "reviews", dryRun: "All"));

        Assert.That((int)refused!.Response.StatusCode, Is.EqualTo(400));
        Assert.That(refused.Response.Content, Does.Contain("total destination weight 50 != 100"));
    }

    [Test]
    public async Task DryRunOtherThanAll_422()
    {
        await using var lab = await TestLab.StartAsync();

        var (status, body) = await lab.RawApiAsync("ack-hangzhou", HttpMethod.Patch, "/apis/apps/v1/namespaces/default/deployments/reviews-v1/scale?dryRun=true",
            "application/merge-patch+json", "{\"spec\":{\"replicas\":0}}");

        Assert.That((int)status, Is.EqualTo(422));
        Assert.That(body, Does.Contain("dryRun: Unsupported value").And.Contain("supported values: \\\"All\\\""));
        Assert.That(lab.EventsOf(LabEventKinds.ScaleApplied), Is.Empty);
    }
}

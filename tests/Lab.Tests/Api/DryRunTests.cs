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

    [TestCase(true)]
    [TestCase(false)]
    public async Task AdmissionDeny_RealWriteRefusedWith403_DryRunOnlyWhenTheWebhookActsOnIt(bool onDryRun)
    {
        await using var lab = await TestLab.StartAsync();
        lab.Host.Control.Deny("asm", "patch", "DestinationRule", "reviews", "needs a change ticket", onDryRun);
        var custom = lab.Kube("asm").CustomObjects;
        var patch = new V1Patch("{\"spec\":{\"trafficPolicy\":{\"outlierDetection\":{\"consecutive5xxErrors\":1}}}}", V1Patch.PatchType.MergePatch);

        var real = Assert.ThrowsAsync<HttpOperationException>(() => custom.PatchNamespacedCustomObjectAsync(patch, "networking.istio.io", "v1", "default", "destinationrules", "reviews"));
        Assert.That((int)real!.Response.StatusCode, Is.EqualTo(403));
        Assert.That(real.Response.Content, Does.Contain("admission webhook").And.Contain("denied the request: needs a change ticket"));

        var dry = custom.PatchNamespacedCustomObjectAsync(patch, "networking.istio.io", "v1", "default", "destinationrules", "reviews", dryRun: "All");
        if (onDryRun)
        {
            Assert.That((int)Assert.ThrowsAsync<HttpOperationException>(() => dry)!.Response.StatusCode, Is.EqualTo(403));
        }
        else
        {
            Assert.That(async () => await dry, Throws.Nothing, "a webhook that ignores dry runs is invisible to a permission preflight");
        }

        // RBAC allows it either way: an access review says yes
        var review = await lab.Kube("asm").AuthorizationV1.CreateSelfSubjectAccessReviewAsync(new V1SelfSubjectAccessReview
        {
            Spec = new V1SelfSubjectAccessReviewSpec { ResourceAttributes = new V1ResourceAttributes { Verb = "patch", Group = "networking.istio.io", Resource = "destinationrules", NamespaceProperty = "default", Name = "reviews" } },
        });
        Assert.That(review.Status.Allowed, Is.True);
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

using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace DrillBot.Lab.Tests.Api;

/// <summary>KubernetesClient 21 driving the Istio custom resources in every served version.</summary>
public sealed class KubernetesClientCustomResourceTests
{
    private const string Group = "networking.istio.io";

    [TestCase("v1")]
    [TestCase("v1beta1")]
    [TestCase("v1alpha3")]
    public async Task MergePatchDestinationRule_ServedVersion_AppliesAndEchoesVersion(string version)
    {
        await using var lab = await TestLab.StartAsync();
        var custom = lab.Kube("asm").CustomObjects;

        var patched = (JsonElement)await custom.PatchNamespacedCustomObjectAsync(new V1Patch(MeshPolicies.Failover, V1Patch.PatchType.MergePatch),
            Group, version, "default", "destinationrules", "reviews");
        var read = (JsonElement)await custom.GetNamespacedCustomObjectAsync(Group, "v1", "default", "destinationrules", "reviews");

        Assert.That(patched.GetProperty("apiVersion").GetString(), Is.EqualTo($"{Group}/{version}"));
        Assert.That(read.GetProperty("spec").GetProperty("trafficPolicy").GetProperty("outlierDetection").GetProperty("consecutive5xxErrors").GetInt32(), Is.EqualTo(1));
        Assert.That(read.GetProperty("spec").GetProperty("subsets").GetArrayLength(), Is.EqualTo(3), "merge patch keeps the subsets");
        Assert.That(read.GetProperty("metadata").GetProperty("generation").GetInt64(), Is.EqualTo(2));
    }

    [Test]
    public async Task JsonPatchDestinationRule_AddAndTest_Applies()
    {
        await using var lab = await TestLab.StartAsync();

        var patched = (JsonElement)await lab.Kube("asm").CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch(
            """[{"op":"test","path":"/spec/host","value":"reviews"},{"op":"add","path":"/spec/trafficPolicy","value":{"outlierDetection":{"consecutive5xxErrors":2}}}]""",
            V1Patch.PatchType.JsonPatch), Group, "v1beta1", "default", "destinationrules", "reviews");

        Assert.That(patched.GetProperty("spec").GetProperty("trafficPolicy").GetProperty("outlierDetection").GetProperty("consecutive5xxErrors").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public async Task JsonPatch_FailingTest_Unprocessable422AndUntouched()
    {
        await using var lab = await TestLab.StartAsync();
        var before = lab.Host.GetObjectJson("asm", "DestinationRule", "default", "reviews");

        var ex = Assert.ThrowsAsync<HttpOperationException>(() => lab.Kube("asm").CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch(
            """[{"op":"test","path":"/spec/host","value":"ratings"},{"op":"remove","path":"/spec/subsets"}]""",
            V1Patch.PatchType.JsonPatch), Group, "v1", "default", "destinationrules", "reviews"));

        Assert.That(ex!.Response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(lab.Host.GetObjectJson("asm", "DestinationRule", "default", "reviews"), Is.EqualTo(before));
    }

    [Test]
    public async Task StrategicMergePatch_CustomResource_UnsupportedMediaType415()
    {
        await using var lab = await TestLab.StartAsync();

        var ex = Assert.ThrowsAsync<HttpOperationException>(() => lab.Kube("asm").CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("{\"spec\":{}}", V1Patch.PatchType.StrategicMergePatch), Group, "v1", "default", "destinationrules", "reviews"));

        Assert.That(ex!.Response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(ex.Response.Content, Does.Contain("application/merge-patch+json"));
    }

    [Test]
    public async Task PatchCarryingStaleResourceVersion_Conflict409()
    {
        await using var lab = await TestLab.StartAsync();

        var ex = Assert.ThrowsAsync<HttpOperationException>(() => lab.Kube("asm").CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("""{"metadata":{"resourceVersion":"1"},"spec":{"host":"reviews"}}""", V1Patch.PatchType.MergePatch),
            Group, "v1", "default", "destinationrules", "reviews"));

        Assert.That(ex!.Response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task DistributeTogetherWithFailover_DeniedLikeIstioWebhook400()
    {
        await using var lab = await TestLab.StartAsync();

        var ex = Assert.ThrowsAsync<HttpOperationException>(() => lab.Kube("asm").CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch(
            """{"spec":{"trafficPolicy":{"loadBalancer":{"localityLbSetting":{"distribute":[{"from":"a/*","to":{"a/*":100}}],"failover":[{"from":"a","to":"b"}]}}}}}""",
            V1Patch.PatchType.MergePatch), Group, "v1", "default", "destinationrules", "reviews"));

        Assert.That(ex!.Response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(ex.Response.Content, Does.Contain("validation.istio.io"));
    }

    [Test]
    public async Task CreateReplaceDeleteVirtualService_FullLifecycle()
    {
        await using var lab = await TestLab.StartAsync();
        var custom = lab.Kube("asm").CustomObjects;
        await MeshPolicies.CreateReviewsAbortAsync(lab, "v1");

        var created = (JsonElement)await custom.GetNamespacedCustomObjectAsync(Group, "v1alpha3", "default", "virtualservices", "reviews");
        var body = JsonSerializer.Deserialize<Dictionary<string, object>>(created.GetRawText())!;
        body["spec"] = new Dictionary<string, object> { ["hosts"] = new[] { "reviews" }, ["http"] = new[] { new Dictionary<string, object>
        {
            ["route"] = new[] { new Dictionary<string, object> { ["destination"] = new Dictionary<string, object> { ["host"] = "reviews" } } },
        } } };
        var replaced = (JsonElement)await custom.ReplaceNamespacedCustomObjectAsync(body, Group, "v1alpha3", "default", "virtualservices", "reviews");
        var duplicate = Assert.ThrowsAsync<HttpOperationException>(() => MeshPolicies.CreateReviewsAbortAsync(lab, "v1"));
        await custom.DeleteNamespacedCustomObjectAsync(Group, "v1", "default", "virtualservices", "reviews");
        var gone = Assert.ThrowsAsync<HttpOperationException>(() => custom.GetNamespacedCustomObjectAsync(Group, "v1", "default", "virtualservices", "reviews"));

        Assert.That(replaced.GetProperty("metadata").GetProperty("generation").GetInt64(), Is.EqualTo(2));
        Assert.That(duplicate!.Response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(duplicate.Response.Content, Does.Contain("AlreadyExists"));
        Assert.That(gone!.Response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(lab.EventsOf(LabEventKinds.PolicyChanged).Select(e => e.Detail!.Split(':')[0]), Is.EqualTo(new[] { "created", "updated", "deleted" }));
    }

    [Test]
    public async Task ListGateways_MeshContext_HasBookinfoGateway()
    {
        await using var lab = await TestLab.StartAsync();

        var list = (JsonElement)await lab.Kube("asm").CustomObjects.ListNamespacedCustomObjectAsync(Group, "v1", "default", "gateways");

        Assert.That(list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("metadata").GetProperty("name").GetString()),
            Is.EqualTo(new[] { "bookinfo-gateway" }));
    }
}

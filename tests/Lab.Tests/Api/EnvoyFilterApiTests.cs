using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace DrillBot.Lab.Tests.Api;

/// <summary>EnvoyFilter through KubernetesClient: v1alpha3 only, full CRUD, and each write re-applies the fault model.</summary>
public sealed class EnvoyFilterApiTests
{
    private const string Group = "networking.istio.io";

    [TestCase("v1")]
    [TestCase("v1beta1")]
    public async Task Create_VersionOtherThanV1alpha3_404LikeIstiosCrd(string version)
    {
        await using var lab = await TestLab.StartAsync();

        var error = Assert.ThrowsAsync<HttpOperationException>(() => FaultPolicies.CreateEnvoyFilterAsync(lab, FaultPolicies.InboundAbort(), version));

        Assert.That(error!.Response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(lab.Host.GetObjectJson("asm", "EnvoyFilter", "default", "reviews-v1-abort"), Is.Null);
    }

    [Test]
    public async Task Discovery_ListsEnvoyFiltersInV1alpha3Only_OnTheMeshContext()
    {
        await using var lab = await TestLab.StartAsync();

        var alpha = await lab.RawApiAsync("asm", HttpMethod.Get, "/apis/networking.istio.io/v1alpha3");
        var v1 = await lab.RawApiAsync("asm", HttpMethod.Get, "/apis/networking.istio.io/v1");
        var regional = await lab.RawApiAsync("ack-hangzhou", HttpMethod.Get, "/apis/networking.istio.io/v1alpha3");

        Assert.That(alpha.Body, Does.Contain("\"name\":\"envoyfilters\""));
        Assert.That(v1.Body, Does.Not.Contain("envoyfilters"));
        Assert.That(regional.Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task CreateListGetPatchReplaceDelete_FaultFollowsEachWrite()
    {
        await using var lab = await TestLab.StartAsync();
        var api = lab.Kube("asm").CustomObjects;
        await MeshPolicies.PatchReviewsAsync(lab, MeshPolicies.Failover);

        await FaultPolicies.CreateEnvoyFilterAsync(lab, FaultPolicies.InboundAbort());
        var list = (JsonElement)await api.ListNamespacedCustomObjectAsync(Group, "v1alpha3", "default", "envoyfilters");
        var got = (JsonElement)await api.GetNamespacedCustomObjectAsync(Group, "v1alpha3", "default", "envoyfilters", "reviews-v1-abort");
        var faulted = await lab.CountVersionsAsync(4);

        // Merge patch: switch the abort off (numerator 0) — reported, no longer a fault.
        var patch = """{"spec":{"configPatches":[{"applyTo":"HTTP_FILTER","match":{"context":"SIDECAR_INBOUND"},"patch":{"operation":"INSERT_FIRST","value":{"name":"envoy.filters.http.fault","typed_config":{"@type":"type.googleapis.com/envoy.extensions.filters.http.fault.v3.HTTPFault","abort":{"http_status":503,"percentage":{"numerator":0}}}}}}]}}""";
        await api.PatchNamespacedCustomObjectAsync(new V1Patch(patch, V1Patch.PatchType.MergePatch), Group, "v1alpha3", "default", "envoyfilters", "reviews-v1-abort");
        var off = lab.Host.World.Latest.Hosts.Single(h => h.Version == "v1").InboundFault;

        // JSON patch back to 100 %, then a replace with the current resourceVersion.
        var json = """[{"op":"replace","path":"/spec/configPatches/0/patch/value/typed_config/abort/percentage/numerator","value":100}]""";
        var patched = (JsonElement)await api.PatchNamespacedCustomObjectAsync(new V1Patch(json, V1Patch.PatchType.JsonPatch), Group, "v1alpha3", "default", "envoyfilters", "reviews-v1-abort");
        var body = JsonSerializer.Deserialize<Dictionary<string, object>>(patched.GetRawText())!;
        await api.ReplaceNamespacedCustomObjectAsync(body, Group, "v1alpha3", "default", "envoyfilters", "reviews-v1-abort");
        var on = lab.Host.World.Latest.Hosts.Single(h => h.Version == "v1").InboundFault;

        await api.DeleteNamespacedCustomObjectAsync(Group, "v1alpha3", "default", "envoyfilters", "reviews-v1-abort");
        var gone = lab.Host.World.Latest.Hosts.Single(h => h.Version == "v1").InboundFault;

        Assert.That(list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("metadata").GetProperty("name").GetString()), Is.EqualTo(new[] { "reviews-v1-abort" }));
        Assert.That(got.GetProperty("apiVersion").GetString(), Is.EqualTo("networking.istio.io/v1alpha3"));
        Assert.That(faulted, Is.EquivalentTo(new Dictionary<string, int> { ["reviews-v2"] = 4 }));
        Assert.That(off, Is.Null);
        Assert.That(lab.EventsOf(LabEventKinds.NotModelled).Single().Detail, Does.Contain("percentage 0"));
        Assert.That(on?.Fault.AbortStatus, Is.EqualTo(503));
        Assert.That(on?.Fault.AbortPercent, Is.EqualTo(100));
        Assert.That(gone, Is.Null);
        Assert.That(lab.EventsOf(LabEventKinds.PolicyChanged).Select(e => e.Object), Has.Some.EqualTo("EnvoyFilter/default/reviews-v1-abort"));
    }

    [Test]
    public async Task RootNamespaceFilter_AppliesMeshWide()
    {
        await using var lab = await TestLab.StartAsync();
        var body = JsonSerializer.Deserialize<Dictionary<string, object>>(FaultPolicies.InboundAbort())!;

        await lab.Kube("asm").CustomObjects.CreateNamespacedCustomObjectAsync(body, Group, "v1alpha3", "istio-system", "envoyfilters");

        Assert.That(lab.Host.World.Latest.Hosts.Single(h => h.Version == "v1").InboundFault?.Source, Is.EqualTo("EnvoyFilter/istio-system/reviews-v1-abort"));
        Assert.That(lab.Host.World.Latest.Hosts.Single(h => h.Version == "v2").InboundFault, Is.Null);
    }
}

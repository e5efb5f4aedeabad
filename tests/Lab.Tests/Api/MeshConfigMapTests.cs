using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace DrillBot.Lab.Tests.Api;

/// <summary>Istio's mesh config as a ConfigMap (istio/istio-system of the asm context): KubernetesClient and kubectl.</summary>
public sealed class MeshConfigMapTests
{
    [Test]
    public async Task GetAndList_Default_HoldsLocalityEnabledFromTheTopologyKnob()
    {
        await using var on = await TestLab.StartAsync();
        await using var off = await TestLab.StartAsync(TestLab.Fast() with { Mesh = new LabMeshSettings { LocalityLbEnabledByDefault = false } });

        var map = await on.Kube("asm").CoreV1.ReadNamespacedConfigMapAsync("istio", "istio-system");
        var list = await off.Kube("asm").CoreV1.ListNamespacedConfigMapAsync("istio-system");

        Assert.That(map.Data["mesh"], Is.EqualTo("localityLbSetting:\n  enabled: true\n"));
        Assert.That(list.Items.Single().Data["mesh"], Does.Contain("enabled: false"));
    }

    [Test]
    public async Task JsonPatch_ReplacesMeshYaml_TakesEffectAndIsRecorded()
    {
        await using var lab = await TestLab.StartAsync();
        var patch = System.Text.Json.JsonSerializer.Serialize(new[] { new { op = "replace", path = "/data/mesh", value = "localityLbSetting:\n  enabled: false\n" } });

        var updated = await lab.Kube("asm").CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(patch, V1Patch.PatchType.JsonPatch), "istio", "istio-system");

        Assert.That(updated.Data["mesh"], Does.Contain("enabled: false"));
        Assert.That(lab.Host.World.MeshLocality?.Enabled, Is.False);
        Assert.That(lab.EventsOf(LabEventKinds.PolicyChanged).Last().Detail, Does.Contain("mesh localityLbSetting=disabled"));
    }

    [Test]
    public async Task Update_WithCurrentResourceVersion_Applies_FailoverPriorityNoted()
    {
        await using var lab = await TestLab.StartAsync();
        var map = await lab.Kube("asm").CoreV1.ReadNamespacedConfigMapAsync("istio", "istio-system");
        map.Data["mesh"] = "localityLbSetting:\n  enabled: true\n  failoverPriority:\n  - topology.kubernetes.io/region\n";

        await lab.Kube("asm").CoreV1.ReplaceNamespacedConfigMapAsync(map, "istio", "istio-system");

        Assert.That(lab.EventsOf(LabEventKinds.PolicyChanged).Last().Detail, Does.Contain("failoverPriority is not modelled"));
    }

    [Test]
    public async Task Create_NotServed_405()
    {
        await using var lab = await TestLab.StartAsync();
        var map = new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "other" }, Data = new Dictionary<string, string> { ["a"] = "b" } };

        var ex = Assert.ThrowsAsync<HttpOperationException>(() => lab.Kube("asm").CoreV1.CreateNamespacedConfigMapAsync(map, "istio-system"));

        Assert.That(ex!.Response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
    }

    [Test]
    public async Task Kubectl_GetAndMergePatch_ChangesRouting()
    {
        Kubectl.RequireInstalled();
        await using var lab = await TestLab.StartAsync(TestLab.Fast() with { Mesh = new LabMeshSettings { LocalityLbEnabledByDefault = false } });
        var cache = Directory.CreateTempSubdirectory("lab-kubectl-cm-").FullName;
        try
        {
            await MeshPolicies.PatchReviewsAsync(lab, MeshConfigs.OutlierOnly);
            var (getCode, mesh, getErr) = await Kubectl.RunAsync(lab, cache, "--context", "asm", "-n", "istio-system", "get", "configmap", "istio", "-o", "jsonpath={.data.mesh}");
            var body = System.Text.Json.JsonSerializer.Serialize(new { data = new { mesh = MeshConfigs.Failover } });
            var (patchCode, _, patchErr) = await Kubectl.RunAsync(lab, cache, "--context", "asm", "-n", "istio-system", "patch", "cm", "istio", "--type", "merge", "-p", body);
            var counts = await lab.CountPathsAsync(20);

            Assert.That(getCode, Is.Zero, getErr);
            Assert.That(mesh, Does.Contain("enabled: false"));
            Assert.That(patchCode, Is.Zero, patchErr);
            Assert.That(counts.GetValueOrDefault(("cn-hangzhou", "reviews-v2")) + counts.GetValueOrDefault(("cn-shanghai", "reviews-v1")), Is.Zero);
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }
}

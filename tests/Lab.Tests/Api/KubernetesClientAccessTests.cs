using System.Diagnostics;
using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace DrillBot.Lab.Tests.Api;

/// <summary>Auth, RBAC refusals, unknown paths and injected API faults, as KubernetesClient sees them.</summary>
public sealed class KubernetesClientAccessTests
{
    [Test]
    public async Task Request_WrongToken_Unauthorized401()
    {
        await using var lab = await TestLab.StartAsync();
        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(lab.Host.KubeconfigPath, "ack-hangzhou");
        config.AccessToken = "not-the-token";
        using var client = new Kubernetes(config);

        var ex = Assert.ThrowsAsync<HttpOperationException>(() => client.AppsV1.ListNamespacedDeploymentAsync("default"));

        Assert.That(ex!.Response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Request_OtherContextsToken_Unauthorized401()
    {
        await using var lab = await TestLab.StartAsync();
        var hangzhou = KubernetesClientConfiguration.BuildConfigFromConfigFile(lab.Host.KubeconfigPath, "ack-hangzhou");
        var shanghai = KubernetesClientConfiguration.BuildConfigFromConfigFile(lab.Host.KubeconfigPath, "ack-shanghai");
        hangzhou.AccessToken = shanghai.AccessToken;
        using var client = new Kubernetes(hangzhou);

        var ex = Assert.ThrowsAsync<HttpOperationException>(() => client.AppsV1.ReadNamespacedDeploymentAsync("reviews-v1", "default"));

        Assert.That(ex!.Response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Request_NoToken_Unauthorized401()
    {
        await using var lab = await TestLab.StartAsync();
        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(lab.Host.KubeconfigPath, "asm");
        config.AccessToken = null;
        using var client = new Kubernetes(config);

        var ex = Assert.ThrowsAsync<HttpOperationException>(() => client.CoordinationV1.ListNamespacedLeaseAsync("default"));

        Assert.That(ex!.Response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Forbid_PatchOnDeployment_Forbidden403ForPatchAndScale()
    {
        await using var lab = await TestLab.StartAsync();
        lab.Host.Control.Forbid("ack-hangzhou", "patch", "Deployment", "reviews-v1");
        var apps = lab.Kube("ack-hangzhou").AppsV1;

        var patch = Assert.ThrowsAsync<HttpOperationException>(() => apps.PatchNamespacedDeploymentAsync(new V1Patch("{}", V1Patch.PatchType.MergePatch), "reviews-v1", "default"));
        var scale = Assert.ThrowsAsync<HttpOperationException>(() => MeshPolicies.ScaleAsync(lab, "ack-hangzhou", "reviews-v1", 0));
        var read = await apps.ReadNamespacedDeploymentAsync("reviews-v1", "default");
        lab.Host.Control.ClearFaults();
        await MeshPolicies.ScaleAsync(lab, "ack-hangzhou", "reviews-v1", 0);

        Assert.That(patch!.Response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(patch.Response.Content, Does.Contain("cannot patch resource \\\"deployments\\\""));
        Assert.That(scale!.Response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(read.Spec.Replicas, Is.EqualTo(1));
    }

    [Test]
    public async Task Read_UnknownDeploymentAndResourceElsewhere_NotFound404()
    {
        await using var lab = await TestLab.StartAsync();

        var missing = Assert.ThrowsAsync<HttpOperationException>(() => lab.Kube("ack-hangzhou").AppsV1.ReadNamespacedDeploymentAsync("reviews-v9", "default"));
        var noIstioInRegion = Assert.ThrowsAsync<HttpOperationException>(() => lab.Kube("ack-hangzhou").CustomObjects
            .GetNamespacedCustomObjectAsync("networking.istio.io", "v1", "default", "destinationrules", "reviews"));
        var noDeploymentsInMesh = Assert.ThrowsAsync<HttpOperationException>(() => lab.Kube("asm").AppsV1.ListNamespacedDeploymentAsync("default"));

        Assert.That(missing!.Response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(missing.Response.Content, Does.Contain("deployments.apps \\\"reviews-v9\\\" not found"));
        Assert.That(noIstioInRegion!.Response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(noDeploymentsInMesh!.Response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase(503)]
    [TestCase(500)]
    [TestCase(429)]
    public async Task SetApiFaults_AllRequests_AnswerTheStatus(int status)
    {
        await using var lab = await TestLab.StartAsync();
        lab.Host.Control.SetApiFaults("ack-hangzhou", 1.0, status);

        var ex = Assert.ThrowsAsync<HttpOperationException>(() => lab.Kube("ack-hangzhou").AppsV1.ReadNamespacedDeploymentAsync("reviews-v1", "default"));
        var otherContext = await lab.Kube("ack-shanghai").AppsV1.ReadNamespacedDeploymentAsync("reviews-v2", "default");

        Assert.That((int)ex!.Response.StatusCode, Is.EqualTo(status));
        Assert.That(otherContext.Metadata.Name, Is.EqualTo("reviews-v2"));
    }

    [Test]
    public async Task SetApiFaults_ConnectionReset_ClientSeesTransportError()
    {
        await using var lab = await TestLab.StartAsync();
        lab.Host.Control.SetApiFaults("ack-hangzhou", 1.0, 0);

        Assert.CatchAsync<HttpRequestException>(() => lab.Kube("ack-hangzhou").AppsV1.ReadNamespacedDeploymentAsync("reviews-v1", "default"));
    }

    [Test]
    public async Task SetApiFaults_HalfOfRequests_FailsSomeButNotAll()
    {
        await using var lab = await TestLab.StartAsync();
        lab.Host.Control.SetApiFaults("ack-hangzhou", 0.5, 503);
        var failures = 0;

        for (var i = 0; i < 40; i++)
        {
            try
            {
                await lab.Kube("ack-hangzhou").AppsV1.ReadNamespacedDeploymentAsync("reviews-v1", "default");
            }
            catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                failures++;
            }
        }

        // Binomial(40, 0.5): sigma 3.2; 4 sigma either side.
        Assert.That(failures, Is.InRange(7, 33));
    }

    [Test]
    public async Task SetApiFaults_Latency_DelaysTheAnswerByTheLabClock()
    {
        await using var lab = await TestLab.StartAsync();
        lab.Host.Control.SetApiFaults("ack-hangzhou", 0, latency: TimeSpan.FromSeconds(5));

        var pending = lab.Kube("ack-hangzhou").AppsV1.ReadNamespacedDeploymentAsync("reviews-v1", "default");
        var early = await Task.WhenAny(pending, Task.Delay(300));
        var watch = Stopwatch.StartNew();
        while (!pending.IsCompleted && watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            lab.Time.Advance(TimeSpan.FromSeconds(5));
            await Task.WhenAny(pending, Task.Delay(50));
        }

        Assert.That(early, Is.Not.SameAs(pending), "the answer waits for the Lab clock");
        Assert.That((await pending).Metadata.Name, Is.EqualTo("reviews-v1"));
    }

    [Test]
    public async Task TopologyApiFaults_ActiveFromStart_UntilCleared()
    {
        var topology = TestLab.Fast(LabTopology.Default with
        {
            Contexts = [.. LabTopology.Default.Contexts.Select(c => c.Name == "asm" ? c with { ApiFaults = new LabApiFaults(1.0, 500) } : c)],
        });
        await using var lab = await TestLab.StartAsync(topology);

        var ex = Assert.ThrowsAsync<HttpOperationException>(() => lab.Kube("asm").CoordinationV1.ListNamespacedLeaseAsync("default"));
        lab.Host.Control.ClearFaults();
        var leases = await lab.Kube("asm").CoordinationV1.ListNamespacedLeaseAsync("default");

        Assert.That((int)ex!.Response.StatusCode, Is.EqualTo(500));
        Assert.That(leases.Items, Is.Empty);
    }
}

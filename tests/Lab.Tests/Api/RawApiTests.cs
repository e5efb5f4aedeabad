using System.Net;
using System.Text.Json;

namespace DrillBot.Lab.Tests.Api;

/// <summary>Discovery documents and protocol edges, over raw HTTPS.</summary>
public sealed class RawApiTests
{
    [Test]
    public async Task Discovery_MeshContext_ListsIstioGroupWithV1Preferred()
    {
        await using var lab = await TestLab.StartAsync();

        var (_, groups) = await lab.RawApiAsync("asm", HttpMethod.Get, "/apis");
        var (_, resources) = await lab.RawApiAsync("asm", HttpMethod.Get, "/apis/networking.istio.io/v1alpha3");

        using var g = JsonDocument.Parse(groups);
        var istio = g.RootElement.GetProperty("groups").EnumerateArray().Single(x => x.GetProperty("name").GetString() == "networking.istio.io");
        Assert.That(istio.GetProperty("preferredVersion").GetProperty("version").GetString(), Is.EqualTo("v1"));
        Assert.That(istio.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetString()), Is.EqualTo(new[] { "v1", "v1beta1", "v1alpha3" }));
        Assert.That(resources, Does.Contain("\"name\":\"destinationrules\"").And.Contain("\"name\":\"virtualservices\"").And.Contain("\"name\":\"gateways\""));
    }

    [Test]
    public async Task Discovery_RegionalContext_ListsScaleSubresource()
    {
        await using var lab = await TestLab.StartAsync();

        var (status, body) = await lab.RawApiAsync("ack-hangzhou", HttpMethod.Get, "/apis/apps/v1");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body, Does.Contain("\"name\":\"deployments/scale\"").And.Contain("\"group\":\"autoscaling\"").And.Contain("\"kind\":\"Scale\""));
    }

    [Test]
    public async Task UnknownPath_NotFoundStatus()
    {
        await using var lab = await TestLab.StartAsync();

        var (status, body) = await lab.RawApiAsync("ack-hangzhou", HttpMethod.Get, "/apis/batch/v1/namespaces/default/jobs");

        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(body, Does.Contain("\"kind\":\"Status\"").And.Contain("\"reason\":\"NotFound\""));
    }

    [Test]
    public async Task WatchOfGeneratedPods_MethodNotAllowedWithExplanation()
    {
        await using var lab = await TestLab.StartAsync();

        var (status, body) = await lab.RawApiAsync("ack-hangzhou", HttpMethod.Get, "/api/v1/namespaces/default/pods?watch=true");

        Assert.That(status, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(body, Does.Contain("watch of pods is not supported"));
    }

    [Test]
    public async Task Version_IsAnonymous_ButResourcesNeedTheToken()
    {
        await using var lab = await TestLab.StartAsync();

        var (version, _) = await lab.RawApiAsync("asm", HttpMethod.Get, "/version", token: "");
        var (list, body) = await lab.RawApiAsync("asm", HttpMethod.Get, "/apis/coordination.k8s.io/v1/namespaces/default/leases", token: "");

        Assert.That(version, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(list, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(body, Does.Contain("\"reason\":\"Unauthorized\""));
    }

    [Test]
    public async Task DryRunPatch_ReturnsResultButStoresNothing()
    {
        await using var lab = await TestLab.StartAsync();
        var before = lab.Host.GetObjectJson("ack-hangzhou", "Deployment", "default", "reviews-v1");

        var (status, body) = await lab.RawApiAsync("ack-hangzhou", HttpMethod.Patch, "/apis/apps/v1/namespaces/default/deployments/reviews-v1?dryRun=All",
            "application/merge-patch+json", "{\"spec\":{\"replicas\":0}}");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body, Does.Contain("\"replicas\":0"));
        Assert.That(lab.Host.GetObjectJson("ack-hangzhou", "Deployment", "default", "reviews-v1"), Is.EqualTo(before));
        Assert.That(lab.EventsOf(LabEventKinds.ScaleApplied), Is.Empty);
    }

    [Test]
    public async Task PodsAndEndpoints_FollowScaleDown()
    {
        await using var lab = await TestLab.StartAsync();
        await MeshPolicies.ScaleAsync(lab, "ack-hangzhou", "reviews-v1", 0);

        var (_, terminating) = await lab.RawApiAsync("ack-hangzhou", HttpMethod.Get, "/api/v1/namespaces/default/pods?labelSelector=app%3Dreviews");
        var (_, endpointsBefore) = await lab.RawApiAsync("ack-hangzhou", HttpMethod.Get, "/api/v1/namespaces/default/endpoints/reviews");
        lab.Time.Advance(TimeSpan.FromSeconds(1));
        var (_, gone) = await lab.RawApiAsync("ack-hangzhou", HttpMethod.Get, "/api/v1/namespaces/default/pods?labelSelector=app%3Dreviews");
        var (_, endpointsAfter) = await lab.RawApiAsync("ack-hangzhou", HttpMethod.Get, "/api/v1/namespaces/default/endpoints/reviews");

        Assert.That(terminating, Does.Contain("\"deletionTimestamp\""));
        Assert.That(endpointsBefore, Does.Contain("\"addresses\""));
        Assert.That(JsonDocument.Parse(gone).RootElement.GetProperty("items").GetArrayLength(), Is.Zero);
        Assert.That(endpointsAfter, Does.Not.Contain("\"addresses\""));
    }
}

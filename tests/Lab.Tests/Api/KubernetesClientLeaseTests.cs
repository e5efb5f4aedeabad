using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace DrillBot.Lab.Tests.Api;

/// <summary>coordination.k8s.io/v1 Leases as DrillBot uses them to lock a cluster for one drill.</summary>
public sealed class KubernetesClientLeaseTests
{
    private static V1Lease Lease(string holder, DateTime renew, string ns = "default") => new()
    {
        Metadata = new V1ObjectMeta { Name = "drillbot-lock", NamespaceProperty = ns },
        Spec = new V1LeaseSpec { HolderIdentity = holder, LeaseDurationSeconds = 15, AcquireTime = renew, RenewTime = renew, LeaseTransitions = 0 },
    };

    [Test]
    public async Task Lease_CreateRenewExpireTakeOver_StaleHolderGetsConflict()
    {
        await using var lab = await TestLab.StartAsync();
        var leases = lab.Kube("ack-hangzhou").CoordinationV1;
        var t0 = new DateTime(2025, 3, 4, 5, 6, 7, DateTimeKind.Utc);

        var created = await leases.CreateNamespacedLeaseAsync(Lease("bot-a", t0), "default");
        created.Spec.RenewTime = t0.AddSeconds(10);
        var renewed = await leases.ReplaceNamespacedLeaseAsync(created, "drillbot-lock", "default");

        // bot-b reads the lease after renewTime + leaseDuration has passed and takes it over.
        var seen = await leases.ReadNamespacedLeaseAsync("drillbot-lock", "default");
        var expired = seen.Spec.RenewTime!.Value.AddSeconds(seen.Spec.LeaseDurationSeconds!.Value) < t0.AddSeconds(30);
        seen.Spec.HolderIdentity = "bot-b";
        seen.Spec.AcquireTime = seen.Spec.RenewTime = t0.AddSeconds(30);
        seen.Spec.LeaseTransitions = 1;
        var taken = await leases.ReplaceNamespacedLeaseAsync(seen, "drillbot-lock", "default");

        // bot-a wakes up and renews with its stale resourceVersion.
        renewed.Spec.RenewTime = t0.AddSeconds(31);
        var conflict = Assert.ThrowsAsync<HttpOperationException>(() => leases.ReplaceNamespacedLeaseAsync(renewed, "drillbot-lock", "default"));
        var duplicate = Assert.ThrowsAsync<HttpOperationException>(() => leases.CreateNamespacedLeaseAsync(Lease("bot-c", t0), "default"));

        Assert.That(renewed.Metadata.ResourceVersion, Is.Not.EqualTo(created.Metadata.ResourceVersion));
        Assert.That(expired, Is.True);
        Assert.That(taken.Spec.HolderIdentity, Is.EqualTo("bot-b"));
        Assert.That(conflict!.Response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(duplicate!.Response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await leases.ReadNamespacedLeaseAsync("drillbot-lock", "default")).Spec.HolderIdentity, Is.EqualTo("bot-b"));
    }

    [Test]
    public async Task Lease_Delete_GoneAfterwards()
    {
        await using var lab = await TestLab.StartAsync();
        var leases = lab.Kube("asm").CoordinationV1;
        await leases.CreateNamespacedLeaseAsync(Lease("bot-a", new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc)), "default");

        await leases.DeleteNamespacedLeaseAsync("drillbot-lock", "default");
        var gone = Assert.ThrowsAsync<HttpOperationException>(() => leases.ReadNamespacedLeaseAsync("drillbot-lock", "default"));

        Assert.That(gone!.Response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Lease_UnknownNamespace_NotFound404()
    {
        await using var lab = await TestLab.StartAsync();

        var ex = Assert.ThrowsAsync<HttpOperationException>(() => lab.Kube("asm").CoordinationV1.CreateNamespacedLeaseAsync(
            Lease("bot-a", new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), "no-such-namespace"), "no-such-namespace"));

        Assert.That(ex!.Response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(ex.Response.Content, Does.Contain("namespaces \\\"no-such-namespace\\\" not found"));
    }
}

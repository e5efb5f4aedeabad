using DrillBot.Lab.Mesh;

namespace DrillBot.Lab.Tests.Mesh.Routing;

/// <summary>Envoy's priority and locality arithmetic, through a Lab with many replicas.</summary>
public sealed class LoadBalancerPlanTests
{
    [Test]
    public void LocalityMatcher_Patterns_MatchRegionAndZone()
    {
        Assert.That(LocalityMatcher.Matches("cn-hangzhou/*", "cn-hangzhou", "cn-hangzhou-h"), Is.True);
        Assert.That(LocalityMatcher.Matches("cn-hangzhou/cn-hangzhou-h/*", "cn-hangzhou", "cn-hangzhou-h"), Is.True);
        Assert.That(LocalityMatcher.Matches("cn-hangzhou/cn-hangzhou-i/*", "cn-hangzhou", "cn-hangzhou-h"), Is.False);
        Assert.That(LocalityMatcher.Matches("*", "anything", null), Is.True);
        Assert.That(LocalityMatcher.Matches("cn-shanghai", "cn-hangzhou", null), Is.False);
    }

    [Test]
    public async Task Failover_FourOfTenLocalEjected_SpillsSixteenPercent()
    {
        // No sidecar retries: each page is productpage's two tries, each ejecting one failing local host.
        var topology = TestLab.Fast(LabTopology.Default with
        {
            Mesh = new LabMeshSettings { RetryAttempts = 0 },
            Contexts =
            [
                new LabContextSpec("ack-hangzhou", "cn-hangzhou", [new("productpage-v1"), new("details-v1"), new("ratings-v1"), new("reviews-v1", 10)]),
                new LabContextSpec("ack-shanghai", "cn-shanghai", [new("reviews-v2")]),
                new LabContextSpec("asm", null, []),
            ],
        });
        await using var lab = await TestLab.StartAsync(topology);
        await MeshPolicies.PatchReviewsAsync(lab, MeshPolicies.Failover);
        lab.Host.Control.SetRegionFailing("cn-hangzhou", true);

        // Each failing local answer ejects one host (consecutive5xxErrors 1): two pages, four ejections.
        while (lab.EventsOf(LabEventKinds.EndpointEjected).Count() < 4)
        {
            await lab.ProductpageAsync();
        }

        lab.Host.Control.SetRegionFailing("cn-hangzhou", false);
        var plan = Snapshot(lab);

        // 6 healthy of 10: health = min(100, 1.4 * 60) = 84 -> 84 % local, 16 % spill to cn-shanghai.
        Assert.That(lab.EventsOf(LabEventKinds.EndpointEjected).Count(), Is.EqualTo(4));
        Assert.That(plan.Mode, Is.EqualTo(LbMode.Failover));
        Assert.That(plan.Groups.Select(g => g.Healthy.Length), Is.EqualTo(new[] { 6, 1 }));
        Assert.That(plan.Cumulative[0], Is.EqualTo(0.84).Within(1e-9));
    }

    private static RoutingSnapshot Snapshot(TestLab lab) => lab.Host.World.Latest;
}

using System.Net;

namespace DrillBot.Lab.Tests.Mesh;

/// <summary>How productpage's sidecar reaches reviews under each DestinationRule the drills use.</summary>
public sealed class RoutingTests
{
    [Test]
    public async Task Productpage_DefaultPolicy_RoundRobinsEvenlyAcrossRegions()
    {
        await using var lab = await TestLab.StartAsync();

        var counts = await lab.CountVersionsAsync(200);

        // Binomial(200, 0.5): mean 100, sigma 7.07; 4 sigma either side.
        Assert.That(counts.GetValueOrDefault("reviews-v1"), Is.InRange(72, 128));
        Assert.That(counts.GetValueOrDefault("reviews-v1") + counts.GetValueOrDefault("reviews-v2"), Is.EqualTo(200));
    }

    [Test]
    public async Task Productpage_LocalityLbWithoutOutlierDetection_StillRoundRobins()
    {
        await using var lab = await TestLab.StartAsync();
        await MeshPolicies.PatchReviewsAsync(lab, """
            {"spec":{"trafficPolicy":{"loadBalancer":{"localityLbSetting":{"enabled":true,"failover":[{"from":"cn-hangzhou","to":"cn-shanghai"}]}}}}}
            """);

        var counts = await lab.CountVersionsAsync(200);

        Assert.That(counts.GetValueOrDefault("reviews-v2"), Is.InRange(72, 128), "failover priorities need outlierDetection");
    }

    [Test]
    public async Task Productpage_Distribute90To10_WithinBinomialBounds()
    {
        await using var lab = await TestLab.StartAsync(seed: 7);
        await MeshPolicies.PatchReviewsAsync(lab, MeshPolicies.Distribute);

        var counts = await lab.CountVersionsAsync(400);

        // Binomial(400, 0.1): mean 40, sigma 6; 4 sigma either side.
        Assert.That(counts.GetValueOrDefault("reviews-v2"), Is.InRange(16, 64));
        Assert.That(counts.GetValueOrDefault("reviews-v1") + counts.GetValueOrDefault("reviews-v2"), Is.EqualTo(400));
    }

    [Test]
    public async Task Productpage_FailoverWithLocalHealthy_StaysLocal()
    {
        await using var lab = await TestLab.StartAsync();
        await MeshPolicies.PatchReviewsAsync(lab, MeshPolicies.Failover);

        var counts = await lab.CountVersionsAsync(100);

        Assert.That(counts, Is.EquivalentTo(new Dictionary<string, int> { ["reviews-v1"] = 100 }));
    }

    [Test]
    public async Task ScaleToZero_WithFailover_MovesTrafficWithinThePropagationDelay()
    {
        await using var lab = await TestLab.StartAsync();
        await MeshPolicies.PatchReviewsAsync(lab, MeshPolicies.Failover);
        var scaledAt = lab.Time.GetUtcNow();

        await MeshPolicies.ScaleAsync(lab, "ack-hangzhou", "reviews-v1", 0);
        var before = await lab.CountVersionsAsync(5);
        lab.Time.Advance(TimeSpan.FromMilliseconds(200));
        var after = await lab.CountVersionsAsync(20);

        Assert.That(before, Is.EquivalentTo(new Dictionary<string, int> { ["reviews-v1"] = 5 }), "the terminating pod still serves until its endpoint leaves");
        Assert.That(after, Is.EquivalentTo(new Dictionary<string, int> { ["reviews-v2"] = 20 }));
        var removed = lab.EventsOf(LabEventKinds.EndpointRemoved).Single();
        Assert.That(removed.Time, Is.EqualTo(scaledAt + TimeSpan.FromMilliseconds(200)));
        Assert.That(removed.Region, Is.EqualTo("cn-hangzhou"));
        Assert.That(removed.Object, Does.StartWith("Endpoint/default/reviews/reviews-v1-"));
    }

    [Test]
    public async Task ScaleToZero_StopBeforePropagation_RetriesAndEjectsTheRefusingPod()
    {
        var topology = TestLab.Fast() with
        {
            Timing = new LabTiming { PodStopDelay = TimeSpan.FromMilliseconds(100), EndpointPropagationDelay = TimeSpan.FromSeconds(2) },
        };
        await using var lab = await TestLab.StartAsync(topology);
        await MeshPolicies.PatchReviewsAsync(lab, MeshPolicies.Failover);

        await MeshPolicies.ScaleAsync(lab, "ack-hangzhou", "reviews-v1", 0);
        lab.Time.Advance(TimeSpan.FromMilliseconds(100));
        var (status, _, pod) = await lab.ProductpageAsync();

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(pod, Does.StartWith("reviews-v2-"), "connection refused is retried on another host");
        Assert.That(lab.EventsOf(LabEventKinds.EndpointEjected).Single().Region, Is.EqualTo("cn-hangzhou"));
    }

    [Test]
    public async Task FailingRegion_WithFailover_IsEjectedAndTrafficFailsOver()
    {
        await using var lab = await TestLab.StartAsync();
        await MeshPolicies.PatchReviewsAsync(lab, MeshPolicies.Failover);

        lab.Host.Control.SetRegionFailing("cn-hangzhou", true);
        var counts = await lab.CountVersionsAsync(20);

        Assert.That(counts, Is.EquivalentTo(new Dictionary<string, int> { ["reviews-v2"] = 20 }));
        var ejected = lab.EventsOf(LabEventKinds.EndpointEjected).Single();
        Assert.That(ejected.Region, Is.EqualTo("cn-hangzhou"));
        Assert.That(lab.EventsOf(LabEventKinds.FirstResponse).Last().Region, Is.EqualTo("cn-shanghai"));
    }

    [Test]
    public async Task EjectedHost_AfterBaseEjectionTime_Returns()
    {
        await using var lab = await TestLab.StartAsync();
        await MeshPolicies.PatchReviewsAsync(lab, MeshPolicies.Failover);
        lab.Host.Control.SetRegionFailing("cn-hangzhou", true);
        await lab.ProductpageAsync();
        lab.Host.Control.SetRegionFailing("cn-hangzhou", false);
        var ejectedAt = lab.EventsOf(LabEventKinds.EndpointEjected).Single().Time;

        lab.Time.Advance(TimeSpan.FromMinutes(1));
        var counts = await lab.CountVersionsAsync(10);

        Assert.That(lab.EventsOf(LabEventKinds.EndpointReturned).Single().Time, Is.EqualTo(ejectedAt + TimeSpan.FromMinutes(1)));
        Assert.That(counts, Is.EquivalentTo(new Dictionary<string, int> { ["reviews-v1"] = 10 }));
    }

    [Test]
    public async Task DefaultMaxEjectionPercent_BothRegionsFailing_NoHostEjected()
    {
        await using var lab = await TestLab.StartAsync();
        await MeshPolicies.PatchReviewsAsync(lab, """{"spec":{"trafficPolicy":{"outlierDetection":{"consecutive5xxErrors":1}}}}""");

        lab.Host.Control.SetRegionFailing("cn-hangzhou", true);
        lab.Host.Control.SetRegionFailing("cn-shanghai", true);
        var counts = await lab.CountVersionsAsync(10);

        Assert.That(counts, Is.EquivalentTo(new Dictionary<string, int> { ["sorry"] = 10 }));
        Assert.That(lab.EventsOf(LabEventKinds.EndpointEjected), Is.Empty, "Envoy >= 1.28 with Istio's default 10 %: (0 + 1) / 2 hosts = 50 % > 10 %");
    }

    [Test]
    public async Task NoReviewsEndpoint_AnswersOkWithSorryPage()
    {
        await using var lab = await TestLab.StartAsync();

        await MeshPolicies.ScaleAsync(lab, "ack-hangzhou", "reviews-v1", 0);
        await MeshPolicies.ScaleAsync(lab, "ack-shanghai", "reviews-v2", 0);
        lab.Time.Advance(TimeSpan.FromSeconds(1));
        var (status, body, pod) = await lab.ProductpageAsync();

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body, Does.Contain("Sorry, product reviews are currently unavailable for this book."));
        Assert.That(pod, Is.Null);
        Assert.That(body, Does.Not.Contain("full stars"));
    }

    [Test]
    public async Task ScaleUp_AfterStartAndPropagationDelays_JoinsRouting()
    {
        await using var lab = await TestLab.StartAsync();
        await MeshPolicies.ScaleAsync(lab, "ack-shanghai", "reviews-v2", 0);
        lab.Time.Advance(TimeSpan.FromSeconds(1));

        await MeshPolicies.ScaleAsync(lab, "ack-shanghai", "reviews-v2", 1);
        lab.Time.Advance(TimeSpan.FromMilliseconds(699));
        var early = await lab.CountVersionsAsync(4);
        lab.Time.Advance(TimeSpan.FromMilliseconds(1));
        var late = await lab.CountVersionsAsync(4);

        Assert.That(early, Is.EquivalentTo(new Dictionary<string, int> { ["reviews-v1"] = 4 }));
        Assert.That(late, Is.EquivalentTo(new Dictionary<string, int> { ["reviews-v1"] = 2, ["reviews-v2"] = 2 }));
        var kinds = lab.Host.Events.Where(e => e.Context == "ack-shanghai").Select(e => e.Kind).ToList();
        Assert.That(kinds, Is.SupersetOf(new[] { "scale-applied", "endpoint-removed", "pod-stopped", "pod-ready", "endpoint-added", "first-response" }));
    }

    [Test]
    public async Task ProductpageScaledAway_IngressAnswers503NoHealthyUpstream()
    {
        await using var lab = await TestLab.StartAsync();

        await MeshPolicies.ScaleAsync(lab, "ack-hangzhou", "productpage-v1", 0);
        lab.Time.Advance(TimeSpan.FromSeconds(1));
        var (status, body, _) = await lab.ProductpageAsync();

        Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(body, Is.EqualTo("no healthy upstream"));
    }

    [Test]
    public async Task DestinationRuleChange_ResetsEjections_VirtualServiceChangeDoesNot()
    {
        await using var lab = await TestLab.StartAsync();
        await MeshPolicies.PatchReviewsAsync(lab, MeshPolicies.Failover);
        lab.Host.Control.SetRegionFailing("cn-hangzhou", true);
        await lab.ProductpageAsync();
        lab.Host.Control.SetRegionFailing("cn-hangzhou", false);

        await FaultPolicies.CreateReviewsRouteAsync(lab);
        var whileEjected = await lab.CountVersionsAsync(4);
        await MeshPolicies.PatchReviewsAsync(lab, """{"spec":{"trafficPolicy":{"outlierDetection":{"baseEjectionTime":"2m"}}}}""");
        var afterReset = await lab.CountVersionsAsync(4);

        Assert.That(whileEjected, Is.EquivalentTo(new Dictionary<string, int> { ["reviews-v2"] = 4 }));
        Assert.That(lab.EventsOf(LabEventKinds.EndpointReturned).Single().Detail, Does.Contain("DestinationRule change"));
        Assert.That(afterReset, Is.EquivalentTo(new Dictionary<string, int> { ["reviews-v1"] = 4 }));
    }

    [Test]
    public async Task FailingRegionFromTopology_BrokenFromStart_UntilFaultsCleared()
    {
        await using var lab = await TestLab.StartAsync(TestLab.Fast() with { FailingRegions = ["cn-hangzhou"] });

        var broken = await lab.CountVersionsAsync(10);
        lab.Host.Control.ClearFaults();
        var healed = await lab.CountVersionsAsync(10);

        Assert.That(broken, Is.EquivalentTo(new Dictionary<string, int> { ["reviews-v2"] = 10 }), "503s are retried on the healthy region");
        Assert.That(healed, Is.EquivalentTo(new Dictionary<string, int> { ["reviews-v1"] = 5, ["reviews-v2"] = 5 }));
    }
}

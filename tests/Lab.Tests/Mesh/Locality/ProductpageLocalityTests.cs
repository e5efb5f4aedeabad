namespace DrillBot.Lab.Tests.Mesh.Locality;

/// <summary>Productpage in every region: the ingress balances across them; each productpage picks reviews from its own locality.</summary>
public sealed class ProductpageLocalityTests
{
    [Test]
    public async Task NoOutlierDetection_EachProductpageRoundRobinsAcrossRegions()
    {
        await using var lab = await TestLab.StartAsync();

        var counts = await lab.CountPathsAsync(200);

        // Round robin at both hops: the ingress alternates productpages, each sidecar alternates reviews hosts.
        Assert.That(counts, Is.EquivalentTo(new Dictionary<(string, string), int>
        {
            [("cn-hangzhou", "reviews-v1")] = 50,
            [("cn-hangzhou", "reviews-v2")] = 50,
            [("cn-shanghai", "reviews-v1")] = 50,
            [("cn-shanghai", "reviews-v2")] = 50,
        }));
    }

    [Test]
    public async Task ReviewsFailover_DoesNotChangeHowTheIngressPicksProductpage()
    {
        await using var lab = await TestLab.StartAsync();
        await MeshPolicies.PatchReviewsAsync(lab, MeshPolicies.Failover);

        var counts = await lab.CountPathsAsync(100);

        Assert.That(counts.Where(c => c.Key.Productpage == "cn-shanghai").Sum(c => c.Value), Is.EqualTo(50));
    }

    [Test]
    public async Task ProductpageFailover_IngressKeepsToItsOwnRegion()
    {
        await using var lab = await TestLab.StartAsync();
        await MeshConfigs.PatchDestinationRuleAsync(lab, "productpage", MeshConfigs.OutlierOnly);

        var counts = await lab.CountPathsAsync(40);

        // Mesh default localityLbSetting.enabled plus outlierDetection: default priorities, local first.
        Assert.That(counts.Keys.Select(k => k.Productpage).Distinct(), Is.EqualTo(new[] { "cn-hangzhou" }));
    }

    [Test]
    public async Task DistributeOnlyFromHangzhou_TwoProductpages_ShareIsThirtyPercentNotTen()
    {
        await using var lab = await TestLab.StartAsync(seed: 7);
        await MeshPolicies.PatchReviewsAsync(lab, MeshPolicies.Distribute);

        var counts = await lab.CountPathsAsync(400);

        // docs/lab.md (Fidelity): 0.5 x 10 % (cn-hangzhou productpage, rule matches) + 0.5 x 50 % (cn-shanghai
        // productpage: no `from` matches, Istio leaves the weights alone and round robin splits 1:1) = 30 %.
        var fromShanghai = counts.GetValueOrDefault(("cn-shanghai", "reviews-v2"));
        var fromHangzhou = counts.GetValueOrDefault(("cn-hangzhou", "reviews-v2"));
        Assert.That(fromShanghai, Is.EqualTo(100), "the unmatched source round-robins: exactly half of its 200");
        // Binomial(200, 0.1) for the matched source: mean 20, sigma 4.24; 4 sigma either side.
        Assert.That(fromHangzhou, Is.InRange(3, 37));
        var share = (fromShanghai + fromHangzhou) / 400.0;
        Assert.That(share, Is.EqualTo(0.30).Within(0.043), "4 sigma of the binomial part");
        Assert.That(share, Is.GreaterThan(0.2), "not the rule's 10 %");
    }

    [Test]
    public async Task PreferCloseOnReviewsService_NoDestinationRule_EachProductpageStaysLocal()
    {
        var topology = TestLab.Fast() with
        {
            Services = new Dictionary<string, LabServiceSpec> { ["reviews"] = new() { TrafficDistribution = "PreferClose" } },
        };
        await using var lab = await TestLab.StartAsync(topology);

        var counts = await lab.CountPathsAsync(40);

        Assert.That(counts, Is.EquivalentTo(new Dictionary<(string, string), int>
        {
            [("cn-hangzhou", "reviews-v1")] = 20,
            [("cn-shanghai", "reviews-v2")] = 20,
        }));
    }

    [Test]
    public async Task PreferClose_DestinationRuleLocalitySettingWins_BackToRoundRobin()
    {
        var topology = TestLab.Fast() with
        {
            Services = new Dictionary<string, LabServiceSpec> { ["reviews"] = new() { TrafficDistribution = "PreferClose" } },
        };
        await using var lab = await TestLab.StartAsync(topology);
        await MeshPolicies.PatchReviewsAsync(lab, """{"spec":{"trafficPolicy":{"loadBalancer":{"localityLbSetting":{"enabled":true}}}}}""");

        var counts = await lab.CountPathsAsync(40);

        // The DestinationRule's own setting replaces PreferClose's, and without outlierDetection it has no priorities.
        Assert.That(counts.GetValueOrDefault(("cn-hangzhou", "reviews-v2")), Is.EqualTo(10));
    }
}

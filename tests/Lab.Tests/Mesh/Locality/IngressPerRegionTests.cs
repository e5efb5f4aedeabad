namespace DrillBot.Lab.Tests.Mesh.Locality;

/// <summary>
/// An ingress gateway per region (the runbook creates one per cluster): each picks productpage by productpage's own
/// policy from its own locality, so where a request enters decides which productpage, and so which reviews rule, it meets.
/// </summary>
public sealed class IngressPerRegionTests
{
    [Test]
    public async Task DefaultTopology_AnIngressPerRegion_EachNamedInItsAnswersAndRecords()
    {
        await using var lab = await TestLab.StartAsync();

        var urls = lab.Host.ProductpageUrls;
        using var viaShanghai = await lab.Http.GetAsync(urls["cn-shanghai"]);
        using var viaHangzhou = await lab.Http.GetAsync(lab.Host.ProductpageUrl);

        Assert.That(urls.Keys, Is.EquivalentTo(new[] { "cn-hangzhou", "cn-shanghai" }));
        Assert.That(urls["cn-hangzhou"], Is.EqualTo(lab.Host.ProductpageUrl), "the topology's ingress is the primary");
        Assert.That(urls["cn-shanghai"].Port, Is.Not.EqualTo(lab.Host.ProductpageUrl.Port));
        Assert.That(viaShanghai.Headers.GetValues("x-lab-ingress").Single(), Is.EqualTo("ack-shanghai"));
        Assert.That(viaHangzhou.Headers.GetValues("x-lab-ingress").Single(), Is.EqualTo("ack-hangzhou"));
        Assert.That(lab.Host.Requests.Select(r => r.Ingress), Is.EqualTo(new[] { "ack-shanghai", "ack-hangzhou" }));
        Assert.That(lab.Host.Variables["PRODUCTPAGE_URL_CN_SHANGHAI"], Is.EqualTo(urls["cn-shanghai"].ToString()));
        Assert.That(lab.Host.Variables["PRODUCTPAGE_URL_CN_HANGZHOU"], Is.EqualTo(lab.Host.Variables["PRODUCTPAGE_URL"]));
    }

    [Test]
    public async Task NoLocalityForProductpage_EveryIngressRoundRobinsAcrossRegions()
    {
        await using var lab = await TestLab.StartAsync();

        var counts = await lab.CountPathsAsync(100, lab.Host.ProductpageUrls["cn-shanghai"]);

        Assert.That(counts.Where(c => c.Key.Productpage == "cn-hangzhou").Sum(c => c.Value), Is.EqualTo(50), "without outlierDetection on productpage: no locality priorities");
    }

    [Test]
    public async Task ProductpageFailover_EachIngressKeepsToItsOwnRegion()
    {
        await using var lab = await TestLab.StartAsync();
        await MeshConfigs.PatchDestinationRuleAsync(lab, "productpage", MeshConfigs.OutlierOnly);

        var viaHangzhou = await lab.CountPathsAsync(40, lab.Host.ProductpageUrls["cn-hangzhou"]);
        var viaShanghai = await lab.CountPathsAsync(40, lab.Host.ProductpageUrls["cn-shanghai"]);

        Assert.That(viaHangzhou.Keys.Select(k => k.Productpage).Distinct(), Is.EqualTo(new[] { "cn-hangzhou" }));
        Assert.That(viaShanghai.Keys.Select(k => k.Productpage).Distinct(), Is.EqualTo(new[] { "cn-shanghai" }));
    }

    [Test]
    public async Task DistributeFromHangzhouWithProductpageLocality_TenPercentViaHangzhou_HalfViaShanghai()
    {
        await using var lab = await TestLab.StartAsync(seed: 7);
        await MeshConfigs.PatchDestinationRuleAsync(lab, "productpage", MeshConfigs.OutlierOnly);
        await MeshPolicies.PatchReviewsAsync(lab, MeshPolicies.Distribute);

        var viaHangzhou = await lab.CountPathsAsync(400, lab.Host.ProductpageUrls["cn-hangzhou"]);
        var viaShanghai = await lab.CountPathsAsync(200, lab.Host.ProductpageUrls["cn-shanghai"]);

        // docs/lab.md, "The distribute share, derived": the rule's `from: cn-hangzhou/*` governs cn-hangzhou's productpage
        // (Binomial(400, 0.1): mean 40, sigma 6; 4 sigma either side); cn-shanghai's matches no `from` and round-robins 1:1
        Assert.That(viaHangzhou.GetValueOrDefault(("cn-hangzhou", "reviews-v2")), Is.InRange(16, 64));
        Assert.That(viaHangzhou.Keys.Select(k => k.Productpage).Distinct(), Is.EqualTo(new[] { "cn-hangzhou" }));
        Assert.That(viaShanghai, Is.EquivalentTo(new Dictionary<(string, string), int> { [("cn-shanghai", "reviews-v1")] = 100, [("cn-shanghai", "reviews-v2")] = 100 }));
    }

    [Test]
    public async Task IngressesListed_OnlyThoseRunAGateway()
    {
        await using var lab = await TestLab.StartAsync(TestLab.Fast() with { IngressContexts = ["ack-hangzhou"] });

        Assert.That(lab.Host.ProductpageUrls.Keys, Is.EqualTo(new[] { "cn-hangzhou" }));
        Assert.That(lab.Host.Variables.Keys, Does.Not.Contain("PRODUCTPAGE_URL_CN_SHANGHAI"));
    }

    [Test]
    public void Parse_IngressesNamingAContextWithoutProductpageOrLeavingOutThePrimary_Located()
    {
        var noRegion = LabTopologyLoader.Parse("ingresses: [ack-hangzhou, asm]\n", "t.yaml");
        var noPrimary = LabTopologyLoader.Parse("ingresses: [ack-shanghai]\n", "u.yaml");
        var fine = LabTopologyLoader.Parse("ingress: ack-shanghai\ningresses: [ack-shanghai]\n", "v.yaml");

        Assert.That(noRegion.Problems.Single(), Does.StartWith("t.yaml:1:").And.EndWith("ingresses[1]: context 'asm' needs a region and a productpage deployment to host an ingress gateway"));
        Assert.That(noPrimary.Problems.Single(), Does.StartWith("u.yaml:1:").And.EndWith("ingresses: the primary ingress 'ack-hangzhou' (ingress:) must be one of them"));
        Assert.That(fine.Succeeded, Is.True, string.Join("\n", fine.Problems));
        Assert.That(fine.Topology!.Ingresses(), Is.EqualTo(new[] { "ack-shanghai" }));
    }
}

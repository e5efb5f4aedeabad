namespace DrillBot.Lab.Tests.Mesh.Locality;

/// <summary>The mesh-wide localityLbSetting (ConfigMap istio) and its precedence under a DestinationRule's own setting.</summary>
public sealed class MeshWideLocalityTests
{
    private static LabTopology MeshLocalityOff() => TestLab.Fast() with { Mesh = new LabMeshSettings { LocalityLbEnabledByDefault = false } };

    [Test]
    public async Task MeshLocalityDisabled_OutlierDetectionAlone_RoundRobinsAcrossRegions()
    {
        await using var lab = await TestLab.StartAsync(MeshLocalityOff());
        await MeshPolicies.PatchReviewsAsync(lab, MeshConfigs.OutlierOnly);

        var counts = await lab.CountPathsAsync(40);

        Assert.That(counts.GetValueOrDefault(("cn-hangzhou", "reviews-v2")), Is.EqualTo(10));
    }

    [Test]
    public async Task MeshWideFailoverAlone_WithOutlierDetection_EachProductpageStaysLocal()
    {
        await using var lab = await TestLab.StartAsync(MeshLocalityOff());
        await MeshPolicies.PatchReviewsAsync(lab, MeshConfigs.OutlierOnly);

        await MeshConfigs.SetMeshAsync(lab, MeshConfigs.Failover);
        var counts = await lab.CountPathsAsync(40);

        Assert.That(counts, Is.EquivalentTo(new Dictionary<(string, string), int>
        {
            [("cn-hangzhou", "reviews-v1")] = 20,
            [("cn-shanghai", "reviews-v2")] = 20,
        }));
        Assert.That(lab.EventsOf(LabEventKinds.PolicyChanged).Last().Object, Is.EqualTo("ConfigMap/istio-system/istio"));
        Assert.That(lab.EventsOf(LabEventKinds.PolicyChanged).Last().Detail, Does.Contain("failover(cn-hangzhou->cn-shanghai"));
    }

    [Test]
    public async Task MeshWideFailover_WithoutOutlierDetection_StillRoundRobins()
    {
        await using var lab = await TestLab.StartAsync(MeshLocalityOff());

        await MeshConfigs.SetMeshAsync(lab, MeshConfigs.Failover);
        var counts = await lab.CountPathsAsync(40);

        Assert.That(counts.GetValueOrDefault(("cn-hangzhou", "reviews-v2")), Is.EqualTo(10), "failover priorities need outlierDetection");
    }

    [Test]
    public async Task DestinationRuleSetting_ReplacesMeshWideOne()
    {
        await using var lab = await TestLab.StartAsync();
        await MeshConfigs.SetMeshAsync(lab, MeshConfigs.Failover);
        await MeshPolicies.PatchReviewsAsync(lab, """
            {"spec":{"trafficPolicy":{"outlierDetection":{"consecutive5xxErrors":1},"loadBalancer":{"localityLbSetting":{"enabled":false}}}}}
            """);

        var counts = await lab.CountPathsAsync(40);

        Assert.That(counts.GetValueOrDefault(("cn-hangzhou", "reviews-v2")), Is.EqualTo(10), "the DestinationRule turned locality LB off for reviews");
    }

    [Test]
    public async Task DestinationRuleEnabled_WinsOverMeshDisabled()
    {
        await using var lab = await TestLab.StartAsync(MeshLocalityOff());
        await MeshPolicies.PatchReviewsAsync(lab, MeshPolicies.Failover);

        var counts = await lab.CountPathsAsync(20);

        Assert.That(counts.Keys.All(k => (k.Productpage == "cn-hangzhou") == (k.Reviews == "reviews-v1")), Is.True, string.Join(",", counts));
    }

    [Test]
    public async Task MeshWideDistribute_AppliesToProductpageToo_IngressSendsNinetyPercentLocal()
    {
        await using var lab = await TestLab.StartAsync(seed: 3);
        await MeshConfigs.SetMeshAsync(lab, """
            localityLbSetting:
              enabled: true
              distribute:
              - from: cn-hangzhou/*
                to: { "cn-hangzhou/*": 90, "cn-shanghai/*": 10 }
            """);

        var counts = await lab.CountPathsAsync(400);

        // The ASM console's switch is mesh-wide: the ingress (cn-hangzhou) itself sends 10 % to cn-shanghai's productpage.
        // Binomial(400, 0.1): mean 40, sigma 6; 4 sigma either side.
        Assert.That(counts.Where(c => c.Key.Productpage == "cn-shanghai").Sum(c => c.Value), Is.InRange(16, 64));
    }

    [Test]
    public async Task InvalidMeshYaml_Accepted_PreviousSettingsKeptAndNoted()
    {
        await using var lab = await TestLab.StartAsync(MeshLocalityOff());
        await MeshPolicies.PatchReviewsAsync(lab, MeshConfigs.OutlierOnly);
        await MeshConfigs.SetMeshAsync(lab, MeshConfigs.Failover);

        await MeshConfigs.SetMeshAsync(lab, "localityLbSetting: [unclosed");
        var counts = await lab.CountPathsAsync(20);

        Assert.That(counts.GetValueOrDefault(("cn-hangzhou", "reviews-v2")), Is.Zero, "the last valid mesh config (failover) stays in force");
        Assert.That(lab.EventsOf(LabEventKinds.PolicyChanged).Any(e => e.Detail?.Contains("mesh config not applied") == true), Is.True);
    }
}

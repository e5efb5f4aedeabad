using DrillBot.Drills.Cluster;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Preflight;
using DrillBot.Drills.Tests.Running;

namespace DrillBot.Drills.Tests.Preflight;

/// <summary>The failover preflight against fake clusters: the mesh-wide ConfigMap istio/istio-system (present or 404) and the live rule.</summary>
public sealed class FailoverPreflightTests
{
    private const string Endpoints = """{"subsets":[{"addresses":[{"ip":"10.0.0.2","targetRef":{"name":"reviews-v1-a"}}]}]}""";
    private const string Shanghai = """{"subsets":[{"addresses":[{"ip":"10.1.0.2","targetRef":{"name":"reviews-v2-a"}}]}]}""";

    private FakeCluster _mesh = null!;
    private FakeCluster _hangzhou = null!;
    private FakeCluster _shanghai = null!;

    [SetUp]
    public void Seed()
    {
        (_mesh, _hangzhou, _shanghai) = (new("mesh"), new("hangzhou"), new("shanghai"));
        _mesh.Put(ObjectKind.DestinationRule, "reviews", """{"metadata":{"name":"reviews"},"spec":{"host":"reviews"}}""");
        _hangzhou.Put(ObjectKind.Endpoints, "reviews", Endpoints);
        _hangzhou.Put(ObjectKind.Pod, "reviews-v1-a", """{"metadata":{"labels":{"app":"reviews","version":"v1"}}}""");
        _shanghai.Put(ObjectKind.Endpoints, "reviews", Shanghai);
        _shanghai.Put(ObjectKind.Pod, "reviews-v2-a", """{"metadata":{"labels":{"app":"reviews","version":"v2"}}}""");
    }

    private static DrillsConfig Config() => new("d.yaml",
        new Dictionary<string, ClusterDefinition>
        {
            ["mesh"] = new("mesh", "asm", null, false, SourceLocation.None),
            ["hangzhou"] = new("hangzhou", "ack-hangzhou", null, false, SourceLocation.None) { Region = "cn-hangzhou" },
            ["shanghai"] = new("shanghai", "ack-shanghai", null, false, SourceLocation.None) { Region = "cn-shanghai" },
        },
        new DefaultsDefinition("default", TimeZoneInfo.Utc), [], []);

    private static DrillDefinition Drill(params StepDefinition[] steps) => Analysis.Drill.Failover() with { Steps = steps };

    private static EnableFailoverStep Failover(string to = "cn-shanghai") => new()
    {
        Cluster = "mesh", Namespace = "default", DestinationRule = "reviews", Failover = [new FailoverRule("cn-hangzhou", to)],
        OutlierDetection = new OutlierDetectionSettings(1, null, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), 100),
    };

    private static FailWorkloadStep Fail() => new()
    {
        Cluster = "mesh", Namespace = "default", Name = "drillbot-fail-reviews-v1", Workload = new Dictionary<string, string> { ["app"] = "reviews", ["version"] = "v1" }, Fault = true,
    };

    private Task<PreflightFinding?> CheckAsync(DrillDefinition drill) => FailoverPreflight.CheckAsync(Config(), drill, name => ClusterResult<IClusterClient>.Success(name switch
    {
        "mesh" => _mesh,
        "hangzhou" => _hangzhou,
        _ => _shanghai,
    }), CancellationToken.None);

    [Test]
    public async Task Check_NoMeshConfigMap_404MeansNoMeshWideSettingAndPasses()
    {
        Assert.That(_mesh.Object(ObjectKind.ConfigMap, "istio", "istio-system"), Is.Null);

        Assert.That(await CheckAsync(Drill(Failover(), Fail())), Is.Null);
    }

    [Test]
    public async Task Check_MeshWideFailoverDiffersFromTheRule_RefusedNamingBoth()
    {
        _mesh.Put(ObjectKind.ConfigMap, "istio", """{"data":{"mesh":"accessLogFile: /dev/stdout\nlocalityLbSetting:\n  enabled: true\n  failover:\n    - from: cn-hangzhou\n      to: cn-beijing\n"}}""", "istio-system");

        var finding = await CheckAsync(Drill(Failover(), Fail()));

        Assert.That(finding!.Errored, Is.False);
        Assert.That(finding.Reason, Is.EqualTo("preflight: DestinationRule default/reviews in cluster mesh's localityLbSetting failover [cn-hangzhou->cn-shanghai] silently replaces the different mesh-wide meshConfig.localityLbSetting failover [cn-hangzhou->cn-beijing] (ConfigMap istio-system/istio) for this host; make the two agree or remove one of them"));
    }

    [Test]
    public async Task Check_MeshWideFailoverSameAsTheRule_Passes()
    {
        _mesh.Put(ObjectKind.ConfigMap, "istio", """{"data":{"mesh":"localityLbSetting:\n  enabled: true\n  failover: [ { from: cn-hangzhou, to: cn-shanghai } ]\n"}}""", "istio-system");

        Assert.That(await CheckAsync(Drill(Failover(), Fail())), Is.Null);
    }

    [Test]
    public async Task Check_MeshWideDistributeAndFailover_Refused()
    {
        _mesh.Put(ObjectKind.ConfigMap, "istio", """{"data":{"mesh":"localityLbSetting:\n  failover: [ { from: a, to: b } ]\n  distribute: [ { from: a/*, to: { a/*: 100 } } ]\n"}}""", "istio-system");

        var finding = await CheckAsync(Drill(Failover(), Fail()));

        Assert.That(finding!.Reason, Is.EqualTo("preflight: meshConfig.localityLbSetting (ConfigMap istio-system/istio) sets both 'distribute' and 'failover' in one localityLbSetting, which Istio refuses; keep one of them"));
    }

    [Test]
    public async Task Check_LiveRuleWithOutlierButDefaultMaxEjection_RefusedByTheEnvoy128Rule()
    {
        // no enableFailover step: the live rule's outlierDetection without maxEjectionPercent means Istio's 10 %
        _mesh.Put(ObjectKind.DestinationRule, "reviews", """{"spec":{"host":"reviews.default.svc.cluster.local","trafficPolicy":{"outlierDetection":{"consecutive5xxErrors":1}}}}""");

        var finding = await CheckAsync(Drill(Fail()));

        Assert.That(finding!.Reason, Does.StartWith("preflight: maxEjectionPercent 10 % cannot eject the 1 failing of 2 reviews endpoints").And.Contain("needs at least 50 %"));
    }

    [Test]
    public async Task Check_FailoverToUndeclaredRegion_RefusedSayingWhichClusterNeedsARegion()
    {
        var finding = await CheckAsync(Drill(Failover("cn-beijing"), Fail()));

        Assert.That(finding!.Reason, Is.EqualTo("preflight: failover target region cn-beijing (DestinationRule default/reviews in cluster mesh) is the region of no cluster in drills.yaml; add `region: cn-beijing` to the clusters entry that runs it"));
    }
}

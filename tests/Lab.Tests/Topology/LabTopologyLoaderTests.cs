namespace DrillBot.Lab.Tests.Topology;

public sealed class LabTopologyLoaderTests
{
    private const string Full = """
        namespace: bookinfo
        ingress: east
        mesh: control
        template: modern
        contexts:
          - name: east
            region: us-east-1
            zone: us-east-1a
            apiFaults: { errorRatio: 0.25, status: 429, latency: 50ms }
            deployments:
              - productpage-v1
              - { name: reviews-v3, replicas: 2 }
          - name: west
            region: us-west-2
            deployments: [ productpage-v1, { name: reviews-blue, app: reviews, version: v2 } ]
          - name: control
        timing: { podStartDelay: 2s, podStopDelay: 1.5s, endpointPropagationDelay: 250ms, endpointRemovalDelay: 3s, connectionSetupLatency: 2ms }
        istio: { retryAttempts: 1, retryBackoff: 25ms, localityLbEnabledByDefault: false }
        faults: { failingRegions: [ us-west-2 ] }
        services: { reviews: { trafficDistribution: PreferClose } }
        """;

    [Test]
    public void Parse_EveryKnob_BuildsTheTopology()
    {
        var result = LabTopologyLoader.Parse(Full, "topology.yaml");

        Assert.That(result.Problems, Is.Empty);
        var t = result.Topology!;
        Assert.That((t.Namespace, t.IngressContext, t.MeshContext, t.Template), Is.EqualTo(("bookinfo", "east", "control", LabHtmlTemplate.Modern)));
        Assert.That(t.Contexts.Select(c => (c.Name, c.Region)), Is.EqualTo(new[] { ("east", "us-east-1"), ("west", "us-west-2"), ("control", (string?)null) }));
        Assert.That(t.Contexts[0].Zone, Is.EqualTo("us-east-1a"));
        Assert.That(t.Contexts[0].ApiFaults, Is.EqualTo(new LabApiFaults(0.25, 429, TimeSpan.FromMilliseconds(50))));
        Assert.That(t.Contexts[0].Deployments[1], Is.EqualTo(new LabDeploymentSpec("reviews-v3", 2)));
        Assert.That((t.Contexts[1].Deployments[1].App, t.Contexts[1].Deployments[1].Version), Is.EqualTo(("reviews", "v2")));
        Assert.That(t.Timing, Is.EqualTo(new LabTiming
        {
            PodStartDelay = TimeSpan.FromSeconds(2), PodStopDelay = TimeSpan.FromSeconds(1.5), EndpointPropagationDelay = TimeSpan.FromMilliseconds(250),
            EndpointRemovalDelay = TimeSpan.FromSeconds(3), ConnectionSetupLatency = TimeSpan.FromMilliseconds(2),
        }));
        Assert.That(t.ServiceFor("reviews").PreferClose, Is.True);
        Assert.That(t.ServiceFor("productpage").PreferClose, Is.False);
        Assert.That(t.Mesh, Is.EqualTo(new LabMeshSettings { RetryAttempts = 1, RetryBackoff = TimeSpan.FromMilliseconds(25), LocalityLbEnabledByDefault = false }));
        Assert.That(t.FailingRegions, Is.EqualTo(new[] { "us-west-2" }));
    }

    [Test]
    public void Parse_BadTrafficDistributionAndUnknownService_Located()
    {
        var result = LabTopologyLoader.Parse("services:\n  reviews: { trafficDistribution: Nearest }\n", "t.yaml");
        var unknown = LabTopologyLoader.Parse("services:\n  ghosts: { trafficDistribution: PreferClose }\n", "u.yaml");

        Assert.That(result.Problems, Is.EqualTo(new[] { "t.yaml:2:35: services.reviews.trafficDistribution: 'Nearest' is not PreferClose or PreferSameZone" }));
        Assert.That(unknown.Problems.Single(), Does.StartWith("u.yaml:2:").And.EndWith("services.ghosts: no deployment has app 'ghosts'"));
    }

    [Test]
    public void Parse_Load_EntryRatePathsAndProblemsLocated()
    {
        var ok = LabTopologyLoader.Parse("load:\n  - { rate: 25, paths: [ /productpage, /api/v1/products/0/reviews ], maxInFlight: 8 }\n", "t.yaml");
        var missing = LabTopologyLoader.Parse("load:\n  - { rate: 1 }\n  - { paths: [ /productpage ] }\n", "t.yaml");
        var bad = LabTopologyLoader.Parse("load:\n  - { entry: asm, rate: 20001, paths: [ /ratings ] }\n", "t.yaml");

        Assert.That(ok.Problems, Is.Empty);
        var load = ok.Topology!.Load.Single();
        Assert.That((load.Rate, load.Entry, load.MaxInFlight), Is.EqualTo((25.0, (string?)null, 8)));
        Assert.That(load.Paths, Is.EqualTo(new[] { "/productpage", "/api/v1/products/0/reviews" }));
        Assert.That(LabTopology.Default.Load, Is.Empty, "no background users unless asked");
        Assert.That(missing.Problems, Is.EqualTo(new[] { "t.yaml:3:5: load[1].rate: required (requests per second)" }));
        Assert.That(bad.Problems, Has.Some.Contains("load[0].entry: 'asm' has no ingress gateway").And.Some.Contains("load[0].rate").And.Some.Contains("'/ratings' is not served"));
    }

    [Test]
    public void Parse_Classic116_IsTheClassicTemplate()
    {
        Assert.That(LabTopologyLoader.Parse("template: classic-1.16\n", "t.yaml").Topology!.Template, Is.EqualTo(LabHtmlTemplate.Classic));
        Assert.That(LabTopology.Default.Template, Is.EqualTo(LabHtmlTemplate.Classic));
    }

    [Test]
    public void Parse_OnlyTemplate_KeepsTheRunbookDefaults()
    {
        var result = LabTopologyLoader.Parse("template: modern\n", "t.yaml");

        Assert.That(result.Succeeded, Is.True);
        Assert.That(result.Topology!.Template, Is.EqualTo(LabHtmlTemplate.Modern));
        Assert.That(result.Topology.Contexts, Is.SameAs(LabTopology.Default.Contexts));
    }

    [Test]
    public void Parse_EmptyFile_IsTheDefault()
    {
        var result = LabTopologyLoader.Parse("", "t.yaml");

        Assert.That(result.Topology, Is.EqualTo(LabTopology.Default));
    }

    [Test]
    public void Parse_SeveralMistakes_ReportsEachWithLineAndColumn()
    {
        const string yaml = """
            template: fancy
            contexts:
              - name: a
                regin: x
            timing:
              podStartDelay: 5q
            istio: { retryAttempts: many }
            """;

        var result = LabTopologyLoader.Parse(yaml, "bad.yaml");

        Assert.That(result.Topology, Is.Null);
        Assert.That(result.Problems, Is.EquivalentTo(new[]
        {
            "bad.yaml:1:11: template: 'fancy' is not one of classic, classic-1.16, modern",
            "bad.yaml:4:5: contexts[0].regin: unknown field (expected one of: name, region, zone, deployments, apiFaults)",
            "bad.yaml:6:18: timing.podStartDelay: '5q' is not a duration such as 300ms, 1s or 1m",
            "bad.yaml:7:25: istio.retryAttempts: 'many' is not an integer",
        }));
    }

    [Test]
    public void Parse_SemanticProblems_PointAtTheField()
    {
        const string yaml = """
            ingress: nowhere
            contexts:
              - name: a
                region: r1
                deployments: [ reviews-v7, { name: productpage-v1, replicas: -1 } ]
              - name: a
            faults: { failingRegions: [ r9 ] }
            """;

        var result = LabTopologyLoader.Parse(yaml, "t.yaml");

        Assert.That(result.Problems, Is.EquivalentTo(new[]
        {
            "t.yaml:5:20: contexts[0].deployments[0].version: reviews version 'v7' is not one of v1, v2, v3",
            "t.yaml:5:66: contexts[0].deployments[1].replicas: -1 is out of range 0..50",
            "t.yaml:6:11: contexts[1].name: duplicate context 'a'",
            "t.yaml:1:10: ingress: unknown context 'nowhere'",
            "t.yaml:1:1: mesh: unknown context 'asm'",
            "t.yaml:7:29: faults.failingRegions[0]: unknown region 'r9'",
        }));
    }

    [Test]
    public void Parse_BrokenYaml_OneLocatedProblem()
    {
        var result = LabTopologyLoader.Parse("contexts: [ { name: a\n", "t.yaml");

        Assert.That(result.Problems, Has.Count.EqualTo(1));
        Assert.That(result.Problems[0], Does.Match(@"^t\.yaml:\d+:\d+: "));
    }

    [Test]
    public void Load_MissingFile_ReportsIt()
    {
        var result = LabTopologyLoader.Load("/nonexistent/topology.yaml");

        Assert.That(result.Problems.Single(), Does.StartWith("/nonexistent/topology.yaml:1:1: cannot read the topology file"));
    }

    [Test]
    public void Validate_DefaultTopology_HasNoProblems()
    {
        Assert.That(LabTopology.Default.Validate(), Is.Empty);
        Assert.That(LabTopology.Default.Contexts.Select(c => c.Name), Is.EqualTo(new[] { "ack-hangzhou", "ack-shanghai", "asm" }));
    }

    [Test]
    public void StartAsync_InvalidTopology_ThrowsWithEveryProblem()
    {
        var topology = LabTopology.Default with { IngressContext = "asm", Timing = new LabTiming { PodStartDelay = TimeSpan.FromSeconds(-1) } };

        var ex = Assert.ThrowsAsync<ArgumentException>(() => LabHost.StartAsync(topology));

        Assert.That(ex!.Message, Does.Contain("ingress: context 'asm' has no region").And.Contain("timing.podStartDelay"));
    }

    [Test]
    public void Parse_EnvoyEjectionKnob_LegacyAndAlwaysEjectOneHost()
    {
        var result = LabTopologyLoader.Parse("envoy: legacy-ejection\nistio: { alwaysEjectOneHost: true }\n", "t.yaml");
        var defaults = LabTopologyLoader.Parse("", "t.yaml");

        Assert.That(result.Problems, Is.Empty);
        Assert.That((result.Topology!.Envoy, result.Topology.Mesh.AlwaysEjectOneHost), Is.EqualTo((LabEnvoyEjection.LegacyEjection, true)));
        Assert.That((defaults.Topology!.Envoy, defaults.Topology.Mesh.AlwaysEjectOneHost), Is.EqualTo((LabEnvoyEjection.Current, false)));
    }

    [Test]
    public void Parse_UnknownEnvoyValue_LocatedProblem()
    {
        var result = LabTopologyLoader.Parse("namespace: default\nenvoy: v1.27\n", "t.yaml");

        Assert.That(result.Problems, Is.EqualTo(new[] { "t.yaml:2:8: envoy: 'v1.27' is not one of current, legacy-ejection" }));
    }
}

using System.Text.RegularExpressions;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Probing;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using DrillBot.Drills.Telemetry;
using DrillBot.Drills.Tests.Running;

namespace DrillBot.Drills.Tests.Telemetry;

/// <summary>The mesh checks and the budget over an in-memory cluster, probe and Prometheus: what a real mesh rarely shows on demand.</summary>
public sealed class MeshWithFakesTests
{
    private const string Deployment = """{"metadata":{"name":"reviews-v1","namespace":"default"},"spec":{"replicas":1}}""";

    private sealed class V2Transport : IProbeTransport
    {
        public Task<ProbeResponse> SendAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken) =>
            Task.FromResult(new ProbeResponse(200, "reviews-v2", null));
    }

    /// <summary>Entry point <c>a</c> is served by v2 (east), any other by v1 (west).</summary>
    private sealed class ByEntryTransport : IProbeTransport
    {
        public Task<ProbeResponse> SendAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken) =>
            Task.FromResult(new ProbeResponse(200, url.Host == "a" ? "reviews-v2" : "reviews-v1", null));
    }

    private string _dir = null!;
    private FakeCluster _cluster = null!;
    private FakePrometheus _prometheus = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = Directory.CreateTempSubdirectory("mesh-fakes-").FullName;
        _cluster = new FakeCluster("c");
        _cluster.Put(ObjectKind.Deployment, "reviews-v1", Deployment);
        _prometheus = new FakePrometheus();
    }

    [TearDown]
    public void TearDown()
    {
        _prometheus.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>A drill whose probe always sees v2 (served by cluster east); the mesh's answers decide the mesh checks.</summary>
    private static (DrillsConfig Config, DrillDefinition Drill) Setup(MeshDefinition? mesh = null, BudgetDefinition? budget = null)
    {
        var drill = new DrillDefinition
        {
            Name = "fake",
            TimeZone = TimeZoneInfo.Utc,
            Namespace = "default",
            Probe = new ProbeDefinition(new Uri("http://fake/"), TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(1), [new ClassifyRule("v2", null, null, new Regex("reviews-v2"), true)], 8),
            SteadyState = new SteadyStateDefinition(TimeSpan.FromMilliseconds(200), 1.0),
            Steps = [new ScaleStep { Cluster = "c", Namespace = "default", Deployment = "reviews-v1", Replicas = 0, Fault = true }],
            Expect = new ExpectDefinition(new RecoveryExpectation("v2", TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100)), new Dictionary<string, ShareExpectation> { ["v2"] = new(0.9, null) }, 0, null),
            ObserveFor = TimeSpan.FromMilliseconds(600),
            Restore = new RestoreDefinition(TimeSpan.FromSeconds(1)),
            Timeout = TimeSpan.FromSeconds(30),
            Mesh = mesh ?? new MeshDefinition { Service = "reviews" },
            Budget = budget,
        };
        var telemetry = new TelemetryDefinition
        {
            Prometheus = new Uri("http://prometheus.test:9090/"),
            ScrapeInterval = TimeSpan.FromMilliseconds(20),
            Classes = new Dictionary<string, IReadOnlyList<string>> { ["v2"] = ["east"], ["v1"] = ["west"] },
        };
        var config = new DrillsConfig("fake.yaml", new Dictionary<string, ClusterDefinition> { ["c"] = new("c", "ctx", null, false, SourceLocation.None) },
            DefaultsDefinition.Standard, [], [drill]) { Telemetry = telemetry };
        return (config, drill);
    }

    private Task<DrillReport> RunAsync(DrillsConfig config, DrillDefinition drill, IProbeTransport? transport = null) =>
        new DrillEngine(new DrillEngineOptions { Clusters = _cluster, Journal = new FileJournal(_dir), ProbeTransport = transport ?? new V2Transport(), PrometheusHandler = _prometheus })
            .Start(config, drill, new RunTrigger(TriggerKind.Api, "t")).Completion.WaitAsync(TimeSpan.FromSeconds(20));

    /// <summary>The mesh says every reviews response came from <paramref name="cluster"/>; users made <paramref name="requests"/> requests, <paramref name="errors"/> failed.</summary>
    private void MeshSays(string cluster, int errors = 0, int requests = 500) => _prometheus.Answer = (_, q) =>
        q.Contains("destination_cluster", StringComparison.Ordinal)
            ? FakePrometheus.Vector(($"\"source_workload\":\"productpage-v1\",\"source_cluster\":\"west\",\"destination_cluster\":\"{cluster}\"", 120))
            : q.Contains("source_workload=\"istio-ingressgateway\"", StringComparison.Ordinal) && q.StartsWith("sum(clamp_min", StringComparison.Ordinal)
                ? FakePrometheus.Vector(("", q.Contains("5..", StringComparison.Ordinal) ? errors : requests))
                : null;

    [Test]
    public async Task Run_MeshSeesTheSameRegion_EveryMeshCheckPasses()
    {
        MeshSays("east");
        var (config, drill) = Setup();

        var report = await RunAsync(config, drill);

        var mesh = report.Checks.Where(c => c.Name.StartsWith("mesh.", StringComparison.Ordinal)).ToList();
        Assert.That(report.Verdict, Is.EqualTo(Verdict.Passed), string.Join("\n", report.Reasons));
        Assert.That(mesh.Select(c => (c.Name, c.Result)), Is.SupersetOf(new[] { ("mesh.agreement.afterRecovery", "passed"), ("mesh.share.afterRecovery", "passed"), ("mesh.userErrors", "passed") }));
        Assert.That(report.Mesh!.Windows.Single(w => w.Name == "afterRecovery").MeshShares, Is.EqualTo(new Dictionary<string, double> { ["v2"] = 1 }));
        Assert.That(report.Mesh.UserErrors, Is.EqualTo(report.Mesh.UserErrors! with { Errors = 0, Requests = 500 }));
        Assert.That(_prometheus.Queries, Has.Some.Contains("destination_service_name=\"reviews\"").And.Some.Contains(" @ "));
    }

    /// <summary>
    /// Two entry points with opposite promises (a: v2 at least 0.9; b: v2 at most 0.1) and a mesh that saw both halves:
    /// the mesh is held to the widest bounds (v2 between 0 and 1) and compared with both probes' samples together; held to
    /// the first probe alone, both mesh checks would fail.
    /// </summary>
    [TestCase("east", "west", true)]
    [TestCase("west", "west", false)]
    public async Task Run_ProbesPerEntryPoint_MeshComparedWithEveryProbeTogether_HeldToTheWidestBounds(string fromA, string fromB, bool agrees)
    {
        _prometheus.Answer = (_, q) => q.Contains("destination_cluster", StringComparison.Ordinal)
            ? FakePrometheus.Vector(
                ($"\"source_workload\":\"productpage-v1\",\"source_cluster\":\"a\",\"destination_cluster\":\"{fromA}\"", 100),
                ($"\"source_workload\":\"productpage-v1\",\"source_cluster\":\"b\",\"destination_cluster\":\"{fromB}\"", 100))
            : null;
        var (config, drill) = Setup();
        var probe = drill.Probe with { Classify = [.. drill.Probe.Classify, new ClassifyRule("v1", null, "reviews-v1", null, true)] };
        var viaA = drill.Expect with { Recovery = null, Share = new Dictionary<string, ShareExpectation> { ["v2"] = new(0.9, 1.0) } };
        var viaB = drill.Expect with { Recovery = null, Share = new Dictionary<string, ShareExpectation> { ["v2"] = new(0, 0.1) } };
        drill = drill with
        {
            Probe = probe with { Url = new Uri("http://a/") },
            Expect = viaA,
            NamedProbes = [new NamedProbe("via-a", probe with { Url = new Uri("http://a/") }, viaA), new NamedProbe("via-b", probe with { Url = new Uri("http://b/") }, viaB)],
        };

        var report = await RunAsync(config with { Drills = [drill] }, drill, new ByEntryTransport());

        var share = report.Checks.Single(c => c.Name == "mesh.share.afterRecovery");
        var agreement = report.Checks.Single(c => c.Name == "mesh.agreement.afterRecovery");
        var window = report.Mesh!.Windows.Single(w => w.Name == "afterRecovery");
        Assert.That(report.Checks.Where(c => !c.Name.StartsWith("mesh.", StringComparison.Ordinal)).Select(c => (c.Name, c.Result)),
            Has.Member(("via-a/share.v2", "passed")).And.Member(("via-b/share.v2", "passed")), string.Join("\n", report.Reasons));
        Assert.That(share.Expected, Does.StartWith("v2 between 0.0000 and 1.0000"));
        Assert.That(share.Passed, Is.True, share.Actual);
        Assert.That(window.ProbeShares["v2"], Is.EqualTo(0.5).Within(0.1), "both probes' samples, pooled");
        Assert.That(agreement.Passed, Is.EqualTo(agrees), agreement.Actual);
        Assert.That(report.Verdict, Is.EqualTo(agrees ? Verdict.Passed : Verdict.Failed), string.Join("\n", report.Reasons));
    }

    [Test]
    public async Task Run_MeshSaysAnotherRegionServed_AgreementAndShareFail_VerdictFailed()
    {
        MeshSays("west");
        var (config, drill) = Setup();

        var report = await RunAsync(config, drill);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Failed));
        var agreement = report.Checks.Single(c => c.Name == "mesh.agreement.afterRecovery");
        Assert.That(agreement.Failed, Is.True);
        Assert.That(agreement.Actual, Does.Contain("v1: probe 0.0000").And.Contain("mesh 1.0000"));
        Assert.That(report.Checks.Single(c => c.Name == "mesh.share.afterRecovery").Failed, Is.True, "the drill expects v2 >= 0.9 of every user's responses");
        Assert.That(report.Reasons, Has.Some.StartsWith("mesh.agreement.afterRecovery: expected"));
        Assert.That(report.Restore.Status, Is.EqualTo(RestoreStatus.Verified));
    }

    [Test]
    public async Task Run_PrometheusUnreachable_ProbeAloneDecides_MeshChecksSkippedAndSaysWhy()
    {
        _prometheus.Unreachable = true;
        var (config, drill) = Setup();

        var report = await RunAsync(config, drill);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Passed), string.Join("\n", report.Reasons));
        Assert.That(report.Mesh!.Status, Is.EqualTo(MeshReport.Skipped));
        Assert.That(report.Mesh.Reason, Does.Contain("http://prometheus.test:9090/ is unreachable: Connection refused"));
        var mesh = report.Checks.Where(c => c.Name.StartsWith("mesh.", StringComparison.Ordinal)).ToList();
        Assert.That(mesh, Is.Not.Empty.And.All.Matches<Drills.Analysis.CheckResult>(c => c.Skipped && c.Result == "skipped" && c.Actual.StartsWith("skipped: Prometheus", StringComparison.Ordinal)));
        Assert.That(report.Reasons, Has.Some.StartsWith("mesh checks skipped: Prometheus http://prometheus.test:9090/ is unreachable"));
        Assert.That(JUnitReport.Render(report), Does.Contain("<testcase classname=\"drillbot.fake\" name=\"mesh.userErrors\"").And.Contain("<skipped message=\"skipped: Prometheus"));
    }

    [Test]
    public async Task Run_PrometheusSlowerThanTheEvaluationAllows_SkippedSayingSo_RunNotHeldUp()
    {
        MeshSays("east");
        _prometheus.Delay = TimeSpan.FromMilliseconds(200);
        var (config, drill) = Setup();
        config = config with { Telemetry = config.Telemetry! with { Timeout = TimeSpan.FromMilliseconds(300) } };

        var report = await RunAsync(config, drill);

        // one scrape interval (20 ms) and two query timeouts (600 ms) for six queries of 200 ms each
        Assert.That(report.Verdict, Is.EqualTo(Verdict.Passed));
        Assert.That(report.Mesh!.Reason, Is.EqualTo("Prometheus http://prometheus.test:9090/ did not answer every query within 0.62s"));
        Assert.That(report.Checks.Where(c => c.Name.StartsWith("mesh.", StringComparison.Ordinal)), Has.All.Matches<Drills.Analysis.CheckResult>(c => c.Skipped));
    }

    [Test]
    public async Task Run_MeshRequiredAndPrometheusUnreachable_RefusedBeforeAnyChange()
    {
        _prometheus.Unreachable = true;
        var scaled = false;
        _cluster.OnScale = () => scaled = true;
        var (config, drill) = Setup(new MeshDefinition { Service = "reviews", Required = true });

        var report = await RunAsync(config, drill);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Errored));
        Assert.That(report.Reasons, Is.EqualTo(new[] { "mesh.required: Prometheus http://prometheus.test:9090/ is unreachable: Connection refused (127.0.0.1:9); refused (nothing changed)" }));
        Assert.That((scaled, report.Steps.Count), Is.EqualTo((false, 0)));
    }

    [Test]
    public async Task Run_BudgetExhausted_RefusedWithOneLine_NothingChanged()
    {
        // 0.5 % of 10 requests/s over 1h allows 180 failed; 0.05/s failed = 180: nothing left
        _prometheus.Answer = (_, q) => q.Contains(MeshQueries.RequestsRule, StringComparison.Ordinal) ? FakePrometheus.Vector(("", 10))
            : q.Contains(MeshQueries.ErrorsRule, StringComparison.Ordinal) ? FakePrometheus.Vector(("", 0.06)) : null;
        var (config, drill) = Setup(budget: new BudgetDefinition { MaxUserErrors = 0.005, Window = TimeSpan.FromHours(1) });

        var report = await RunAsync(config, drill);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Aborted));
        Assert.That(report.Reasons, Has.Count.EqualTo(1));
        Assert.That(report.Reasons[0], Is.EqualTo("budget: the error budget is exhausted: the 0.5 % SLO over 1h allows 180 failed of 36,000 user requests, 216 failed (120 % spent); refused (nothing changed)"));
        Assert.That(report.Steps, Is.Empty);
        Assert.That(report.Budget!.RemainingAtStart, Is.EqualTo(-36));
        Assert.That(_prometheus.Queries, Has.Some.EqualTo("sum(avg_over_time(drillbot:mesh_requests:rate1m{source_workload=\"istio-ingressgateway\",source_workload_namespace=\"istio-system\"}[3600000ms]))"));
    }

    [Test]
    public async Task Run_BudgetLeftBelowThePerRunCap_Refused()
    {
        // 180 allowed, 150 spent: 30 left, the drill may spend 20 % (36)
        _prometheus.Answer = (_, q) => q.Contains(MeshQueries.RequestsRule, StringComparison.Ordinal) ? FakePrometheus.Vector(("", 10))
            : q.Contains(MeshQueries.ErrorsRule, StringComparison.Ordinal) ? FakePrometheus.Vector(("", 150.0 / 3600)) : null;
        var (config, drill) = Setup(budget: new BudgetDefinition { MaxUserErrors = 0.005, Window = TimeSpan.FromHours(1), PerRunShare = 0.2 });

        var report = await RunAsync(config, drill);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Aborted));
        Assert.That(report.Reasons.Single(), Does.StartWith("budget: 30 failed requests are left of the error budget").And.Contain("fewer than the 36 this drill may spend (budget.perRun)"));
    }

    [Test]
    public async Task Run_BudgetWithoutSloData_ErroredNamingTheRecordingRules()
    {
        var (config, drill) = Setup(budget: new BudgetDefinition { MaxUserErrors = 0.005, Window = TimeSpan.FromHours(1) });

        var report = await RunAsync(config, drill);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Errored));
        Assert.That(report.Reasons.Single(), Does.Contain("has no user requests of istio-system/istio-ingressgateway over 1h in drillbot:mesh_requests:rate1m").And.Contain("group drillbot-mesh"));
    }

    [Test]
    public async Task Run_UsersErrorsAboveThePerRunCap_AbortedAndRestored()
    {
        MeshSays("east", errors: 25);
        var (config, drill) = Setup(budget: new BudgetDefinition { PerRunErrors = 20 });

        var report = await RunAsync(config, drill with { ObserveFor = TimeSpan.FromSeconds(10), Expect = drill.Expect with { Recovery = null, Share = new Dictionary<string, ShareExpectation>() } });

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Aborted));
        Assert.That(report.Reasons[0], Is.EqualTo("budget: 25 real-user requests failed since the first step, more than the 20 this run may spend; aborted"));
        Assert.That(report.Markers.Select(m => m.Label), Does.Contain("budget exceeded"));
        Assert.That(report.Restore.Status, Is.EqualTo(RestoreStatus.Verified));
        Assert.That(_cluster.Object(ObjectKind.Deployment, "reviews-v1")!.ToJsonString(), Is.EqualTo(Deployment));
        Assert.That(report.Budget!.Spent, Is.EqualTo(25));
        Assert.That(report.Checks.Single(c => c.Name == "mesh.userErrors").Failed, Is.True);
    }

    [Test]
    public async Task Run_NoTelemetryPrometheus_MeshReportSaysNotConfiguredAndAddsNoChecks()
    {
        var (config, drill) = Setup();
        config = config with { Telemetry = config.Telemetry! with { Prometheus = null } };

        var report = await RunAsync(config, drill);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Passed));
        Assert.That(report.Checks.Where(c => c.Name.StartsWith("mesh.", StringComparison.Ordinal)), Is.Empty);
        Assert.That((report.Mesh!.Status, report.Mesh.Reason), Is.EqualTo(("skipped", "telemetry.prometheus is empty (not configured)")));
        Assert.That(_prometheus.Queries, Is.Empty);
    }
}

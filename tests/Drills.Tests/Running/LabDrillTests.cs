using DrillBot.Drills.Analysis;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using DrillBot.Drills.Tests.Telemetry;
using DrillBot.TestSupport.Tools;

namespace DrillBot.Drills.Tests.Running;

/// <summary>
/// The bundled drills on the Lab, with background users and a real Prometheus scraping the Lab's Istio metrics: each
/// passes, restores exactly, and the mesh's share per destination_cluster agrees with the probe's in every window the
/// probe's checks use (docs/drills-yaml.md#mesh-and-budget).
/// </summary>
[NonParallelizable]
public sealed class LabDrillTests
{
    /// <summary>
    /// reviews-distribution's between [0.05, 0.15] is decided on a 95 % interval: ~1,000 samples make it
    /// reliable at a true 10 % (half-width ~0.019), so probe faster and longer than the other drills.
    /// </summary>
    private static readonly DrillBot.Drills.Definitions.DrillOverrides Distribution = MeshLab.Fast with
    {
        ProbeInterval = TimeSpan.FromMilliseconds(10),
        ObserveFor = TimeSpan.FromSeconds(12),
        MinSamples = 1000,
    };

    private PrometheusServer _prometheus = null!;

    [OneTimeSetUp]
    public async Task StartPrometheus() => _prometheus = await PrometheusServer.StartAsync(MeshLab.ScrapeInterval);

    [OneTimeTearDown]
    public async Task StopPrometheus() => await _prometheus.DisposeAsync();

    [TestCase("reviews-failover")]
    [TestCase("reviews-distribution")]
    [TestCase("reviews-region-outage")]
    public async Task Run_BundledDrillOnLab_PassesAndRestoresExactly_MeshAgreesWithTheProbe(string name)
    {
        await using var lab = await MeshLab.StartAsync(_prometheus);
        var before = lab.Snapshot();

        var report = await lab.RunAsync(lab.Drill(name, name == "reviews-distribution" ? Distribution : MeshLab.Fast));

        TestContext.Out.WriteLine(ReportJson.Serialize(report with { Timeline = report.Timeline with { Samples = [] } }));
        Assert.That(report.Verdict, Is.EqualTo(Verdict.Passed), string.Join("\n", report.Reasons));
        Assert.That(report.Restore.Status, Is.EqualTo(RestoreStatus.Verified));
        var after = lab.Snapshot();
        foreach (var (key, value) in before)
        {
            Assert.That(after[key], Is.EqualTo(value), key);
        }

        var mesh = report.Checks.Where(c => c.Name.StartsWith("mesh.", StringComparison.Ordinal)).ToList();
        Assert.That(report.Mesh!.Status, Is.EqualTo("evaluated"), report.Mesh.Reason);
        Assert.That(mesh.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Actual}"), Is.Empty, "every mesh check evaluated and passed");
        Assert.That(mesh.Select(c => c.Name), Is.SupersetOf(new[]
        {
            "mesh.agreement.beforeFault", "mesh.agreement.afterRecovery", "mesh.agreement.afterFailback", "mesh.share.afterRecovery", "mesh.userErrors",
        }));
        Assert.That(report.Mesh.Windows.Select(w => w.MeshResponses), Has.All.GreaterThan(report.Mesh.Windows.Min(w => w.ProbeSamples) / 2),
            "the mesh counts the users' requests too, not only the probe's");
    }

    /// <summary>
    /// The runbook's order (fault, then failover) passes on a real mesh and in the Lab (docs/lab.md, "The bundled
    /// drills"): losing cn-hangzhou's only reviews endpoint sends every page to cn-shanghai with or without failover.
    /// It must say so: no locality proof, and failover-on-endpoint-loss listed as not proved.
    /// </summary>
    [Test]
    public async Task Run_RunbookOrderOnLab_PassesButProvesNoFailover()
    {
        await using var lab = await LabRun.StartAsync();
        var before = lab.Snapshot();

        var report = await lab.RunAsync(lab.Drill("reviews-failover-runbook-order"));

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Passed), string.Join("\n", report.Reasons));
        Assert.That(report.Recovery!.ServedBy, Is.EqualTo("cn-shanghai"));
        Assert.That(report.Proves.Select(p => (p.Claim, p.Proved)), Does.Contain((Claims.FailoverOnEndpointLoss, false)));
        Assert.That(report.Proves.Where(p => p.Proved).Select(p => p.Claim), Does.Not.Contain(Claims.LocalityPreference).And.Not.Contain(Claims.FailoverOnEndpointLoss));
        Assert.That(lab.Snapshot(), Is.EqualTo(before));
    }
}

using DrillBot.Drills.Definitions;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using DrillBot.Drills.Telemetry;
using DrillBot.Drills.Tests.Running;
using DrillBot.TestSupport.Tools;

namespace DrillBot.Drills.Tests.Telemetry;

/// <summary>
/// Real users' errors and the error budget, on the Lab with background users (half of them on Bookinfo's reviews API,
/// which answers 5xx when reviews fails) and a real Prometheus with the project's recording rules.
/// </summary>
[NonParallelizable]
public sealed class MeshBudgetTests
{
    private PrometheusServer _prometheus = null!;

    [OneTimeSetUp]
    public async Task StartPrometheus() => _prometheus = await PrometheusServer.StartAsync(MeshLab.ScrapeInterval);

    [OneTimeTearDown]
    public async Task StopPrometheus() => await _prometheus.DisposeAsync();

    /// <summary>reviews-region-outage without abortIf: its users' errors, not the probe, decide when it stops.</summary>
    private static DrillDefinition Outage(LabRun lab, BudgetDefinition budget) =>
        lab.Drill("reviews-region-outage", MeshLab.Fast) with { AbortIf = null, Budget = budget };

    [Test]
    public async Task Run_RegionOutageWhileTheTargetFailsToo_TheUsersApi5xxAreTheReportsUserErrors()
    {
        await using var lab = await MeshLab.StartAsync(_prometheus);
        var drill = Outage(lab, new BudgetDefinition { MaxUserErrors = 0.9, Window = TimeSpan.FromMinutes(1) });

        var report = await lab.RunAsync(drill, new TargetRegionFails(lab.Lab, "cn-shanghai"));

        var users = report.Mesh!.UserErrors!;
        var truth = lab.Lab.Requests.Where(r => r.Time >= users.From && r.Time <= users.To).ToList();
        var failed = truth.Count(r => r.Status >= 500);
        Assert.Multiple(() =>
        {
            Assert.That(report.Restore.Status, Is.EqualTo(RestoreStatus.Verified));
            Assert.That(failed, Is.GreaterThan(10), "the API users got 503s while both regions failed (the Lab's ground truth)");
            Assert.That(truth.Where(r => r.Status >= 500).Select(r => r.Path).Distinct(), Is.EqualTo(new[] { "/api/v1/products/0/reviews" }), "page users got 200 with the 'unavailable' text");
            Assert.That(users.Errors, Is.EqualTo(failed), "every user 5xx, counted by the mesh");
            Assert.That(users.Requests, Is.InRange(truth.Count - 50, truth.Count + 50), "all users and the probe, give or take a scrape interval (500 ms, ~80 requests/s) at either end");
            Assert.That(report.Checks.Single(c => c.Name == "mesh.userErrors").Actual, Does.StartWith($"{failed} of "));
            Assert.That(report.Budget!.Spent, Is.EqualTo(failed), "the report shows the budget spent by the drill");
            Assert.That(report.Budget.SpentOfBudget, Is.GreaterThan(0));
            Assert.That(HtmlReport.Render(report), Does.Contain($"user errors (5xx at the ingress gateway)").And.Contain($"<b>{failed}</b>"));
        });
    }

    [Test]
    public async Task Run_UsersErrorsExceedThePerRunCap_AbortedAndRestoredExactly()
    {
        await using var lab = await MeshLab.StartAsync(_prometheus);
        var before = lab.Snapshot();
        var drill = Outage(lab, new BudgetDefinition { PerRunErrors = 20 }) with { ObserveFor = TimeSpan.FromSeconds(20) };

        var report = await lab.RunAsync(drill, new TargetRegionFails(lab.Lab, "cn-shanghai"));

        Assert.Multiple(() =>
        {
            Assert.That(report.Verdict, Is.EqualTo(Verdict.Aborted));
            Assert.That(report.Reasons[0], Does.Match(@"^budget: \d+ real-user requests failed since the first step, more than the 20 this run may spend; aborted$"));
            Assert.That(report.Restore.Status, Is.EqualTo(RestoreStatus.Verified));
            Assert.That(report.Budget!.Spent, Is.GreaterThan(20));
            Assert.That(report.FinishedAt - report.FaultAt!.Value, Is.LessThan(TimeSpan.FromSeconds(15)), "stopped long before observeFor (20s) ended");
        });
        var after = lab.Snapshot();
        foreach (var (key, value) in before)
        {
            Assert.That(after[key], Is.EqualTo(value), key);
        }
    }

    [Test]
    public async Task Run_ErrorBudgetSpentBeforeTheDrill_RefusedWithOneLineAndNothingChanged()
    {
        await using var lab = await MeshLab.StartAsync(_prometheus);
        // an incident before the drill: reviews fails everywhere, the API users get 503s until the recording rules saw them
        lab.Lab.Control.SetRegionFailing("cn-hangzhou", true);
        lab.Lab.Control.SetRegionFailing("cn-shanghai", true);
        await WaitAsync(async () => (await _prometheus.QueryAsync("drillbot:mesh_errors:rate1m{source_workload=\"istio-ingressgateway\"} > 1")).GetArrayLength() > 0);
        lab.Lab.Control.ClearFaults();
        var before = lab.Snapshot();
        var drill = Outage(lab, new BudgetDefinition { MaxUserErrors = 0.01, Window = TimeSpan.FromMinutes(5) });

        var report = await lab.RunAsync(drill);

        Assert.Multiple(() =>
        {
            Assert.That(report.Verdict, Is.EqualTo(Verdict.Aborted));
            Assert.That(report.Reasons, Has.Count.EqualTo(1));
            Assert.That(report.Reasons[0], Does.Match(@"^budget: the error budget is exhausted: the 1 % SLO over 5m allows [\d,]+ failed of [\d,]+ user requests, [\d,]+ failed \(\d+(\.\d+)? % spent\); refused \(nothing changed\)$"));
            Assert.That(report.Steps, Is.Empty);
            Assert.That(report.Budget!.RemainingAtStart, Is.LessThan(0));
            Assert.That(lab.Snapshot(), Is.EqualTo(before));
        });
    }

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await Task.Delay(100, timeout.Token);
        }
    }
}

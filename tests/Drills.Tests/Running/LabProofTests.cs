using System.Text.Json.Nodes;
using DrillBot.Drills.Analysis;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;

namespace DrillBot.Drills.Tests.Running;

/// <summary>
/// Issue 15's "Done means" on the faithful Lab, through the real engine: the bundled drills do not pass when the
/// remediation they prove is missing, and do pass where a real mesh would (default failover priorities).
/// </summary>
[NonParallelizable]
public sealed class LabProofTests
{
    private static bool IsReviewsFailover(StepDefinition s) => s is EnableFailoverStep { DestinationRule: "reviews" };

    [Test]
    public async Task Run_ReviewsFailoverWithoutReviewsOutlierDetection_FailsBeforeTheFaultSayingLocalityWasNotInForce()
    {
        await using var lab = await LabRun.StartAsync();
        var before = lab.Snapshot();
        var drill = lab.Drill("reviews-failover");
        // enableFailover cannot be written without outlierDetection (validate refuses it, see below): without it, the step goes
        drill = drill with { Steps = [.. drill.Steps.Where(s => !IsReviewsFailover(s))] };

        var report = await lab.RunAsync(drill);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Failed), string.Join("\n", report.Reasons));
        var locality = report.Checks.Single(c => c.Name == "beforeFault.cn-hangzhou");
        Assert.That(locality.Failed, Is.True, locality.Actual);
        Assert.That(locality.Interval!.High, Is.LessThan(0.7), "round robin: about half the pages came from cn-shanghai while healthy");
        Assert.That(report.Reasons, Has.Some.StartsWith("beforeFault.cn-hangzhou: expected >= 0.95 served by cn-hangzhou before the fault"));
        Assert.That(report.Reasons, Has.Some.Contains("cn-hangzhou did not serve while healthy: locality preference was not in force"));
        Assert.That(report.Proves.Single(p => p.Claim == Claims.FailoverOnEndpointLoss).Proved, Is.False);
        Assert.That(report.Recovery, Is.Not.Null, "losing the endpoint still 'recovers' by itself: that is why recovery alone proves nothing");
        Assert.That(lab.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task Run_ReviewsFailoverWithMeshWideFailoverButNoOutlierDetectionOnReviews_Fails()
    {
        await using var lab = await LabRun.StartAsync();
        var mesh = lab.Clusters.Create(lab.Config.Clusters["mesh"]).Value!;
        var istio = new ObjectRef("mesh", ObjectKind.ConfigMap, "istio-system", "istio");
        // the ASM console's "Enable Locality-Failover": a mesh-wide failover list; Istio still needs outlierDetection on the rule
        var patched = await mesh.PatchAsync(istio, new JsonObject { ["data"] = new JsonObject { ["mesh"] = "localityLbSetting:\n  enabled: true\n  failover:\n  - from: cn-hangzhou\n    to: cn-shanghai\n  - from: cn-shanghai\n    to: cn-hangzhou\n" } }, CancellationToken.None);
        Assert.That(patched.Ok, Is.True, patched.Error?.Message);
        var drill = lab.Drill("reviews-failover");
        drill = drill with { Steps = [.. drill.Steps.Where(s => !IsReviewsFailover(s))] };

        var report = await lab.RunAsync(drill);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Failed), string.Join("\n", report.Reasons));
        Assert.That(report.Checks.Single(c => c.Name == "beforeFault.cn-hangzhou").Failed, Is.True);
    }

    [Test]
    public void Validate_ReviewsFailoverWithItsOutlierDetectionDeleted_RefusedWithTheReason()
    {
        var yaml = File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "drills.yaml"));
        var line = "          outlierDetection: { consecutive5xxErrors: 1, interval: 1s, baseEjectionTime: 1m, maxEjectionPercent: 100 }\n";
        var at = yaml.IndexOf(line, StringComparison.Ordinal); // the first one is reviews-failover's reviews step
        var broken = yaml.Remove(at, line.Length);

        var result = DrillsLoader.Parse(broken, "drills.yaml", DrillBot.Drills.Tests.Scheduling.TestCron.Parser, _ => "http://127.0.0.1:9/productpage");

        Assert.That(result.Problems.Select(p => p.Message), Is.EqualTo(new[] { "drills[0].steps[1].enableFailover: failover needs 'outlierDetection': Istio only applies failover priorities when the DestinationRule has outlier detection" }));
    }

    [Test]
    public async Task Run_ReviewsDistributionWithoutItsDistributeRule_DoesNotPass()
    {
        await using var lab = await LabRun.StartAsync();
        var before = lab.Snapshot();
        var drill = lab.Drill("reviews-distribution", LabRun.Fast with { ProbeInterval = TimeSpan.FromMilliseconds(10), ObserveFor = TimeSpan.FromSeconds(6), MinSamples = 500 });
        drill = drill with { Steps = [.. drill.Steps.Where(s => s is not DistributeTrafficStep)] };

        var report = await lab.RunAsync(drill);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Failed), string.Join("\n", report.Reasons));
        var share = report.Checks.Single(c => c.Name == "via-hangzhou/share.cn-shanghai");
        Assert.That(share.Failed, Is.True, share.Actual);
        Assert.That(share.Interval!.Low, Is.GreaterThan(0.15), "unweighted: about half, far from the rule's 10 %");
        Assert.That(report.Proves.Where(p => p.Proved).Select(p => p.Claim), Does.Not.Contain(Claims.Distribution), "no rule, no distribution claim");
        Assert.That(lab.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task Run_ReviewsFailoverWithoutTheExplicitFailoverList_PassesByIstiosDefaultPriorities()
    {
        await using var lab = await LabRun.StartAsync();
        var before = lab.Snapshot();
        var drill = lab.Drill("reviews-failover");
        drill = drill with { Steps = [.. drill.Steps.Select(s => IsReviewsFailover(s) ? ((EnableFailoverStep)s) with { Failover = [] } : s)] };

        var report = await lab.RunAsync(drill);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Passed), string.Join("\n", report.Reasons));
        var rule = report.Restore.Objects.Single(o => o.Kind == "DestinationRule" && o.Name == "reviews");
        Assert.That(rule.During, Does.Contain("\"spec.trafficPolicy.loadBalancer.localityLbSetting.enabled\":true").And.Not.Contain("failover"),
            "only outlierDetection and enabled: same region first, then the others (docs/lab.md)");
        Assert.That(report.Proves.Where(p => p.Claim is Claims.LocalityPreference or Claims.FailoverOnEndpointLoss).Select(p => p.Proved), Is.EqualTo(new[] { true, true }));
        Assert.That(lab.Snapshot(), Is.EqualTo(before));
    }
}

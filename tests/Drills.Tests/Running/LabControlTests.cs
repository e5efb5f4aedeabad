using DrillBot.Drills.Analysis;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Reports;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;

namespace DrillBot.Drills.Tests.Running;

/// <summary>
/// Control runs on the faithful Lab (docs/drills-yaml.md#control): the fault without the remediation first. Losing
/// cn-hangzhou's reviews endpoint, or having its pods answer 503, recovers by itself on a real mesh (EDS drops the
/// endpoint; Istio's retries send the 503 to the other region): the control says so and the drill does not pass.
/// Without the distribute rule the share is wrong: the control degrades and the remediation is shown necessary.
/// </summary>
[NonParallelizable]
public sealed class LabControlTests
{
    /// <summary>recovery.within 3 s + stableFor 0.5 s: a control of 4 s can decide "no recovery".</summary>
    private static readonly ControlDefinition FourSeconds = new(TimeSpan.FromSeconds(4));

    private static string Dump(DrillReport report) => string.Join("\n", report.Reasons) + "\n" + string.Join("\n", report.Checks.Select(c => $"{c.Name}: {c.Result}: {c.Actual}"))
        + "\n" + string.Join("\n", report.Control?.Checks.Select(c => $"control {c.Name}: {c.Result}: {c.Actual}") ?? []);

    [Test]
    public async Task Run_ReviewsFailoverWithControl_EndpointLossRecoversWithoutFailover_FailedWithTheFinding()
    {
        await using var lab = await LabRun.StartAsync();
        var before = lab.Snapshot();

        var report = await lab.RunAsync(lab.Drill("reviews-failover") with { Control = FourSeconds });
        TestContext.Out.WriteLine(Dump(report));

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Failed), Dump(report));
        Assert.That(report.Reasons[0], Is.EqualTo("control: the fault recovers without failover: this drill does not prove failover"));
        var control = report.Control!;
        Assert.That((control.Necessary, control.Sufficient, control.Finding), Is.EqualTo(((bool?)false, (bool?)true, ControlAnalyzer.RecoversWithoutFailover)), Dump(report));
        Assert.That(control.LeftOut, Is.EqualTo(new[] { "1: enableFailover", "2: enableFailover" }));
        Assert.That(control.Checks.Single(c => c.Name == "recovery.within").Passed, Is.True, "cn-shanghai served every page without failover");
        Assert.That(report.Checks.Single(c => c.Name == Claims.ControlDegraded).Failed, Is.True);
        Assert.That(report.Checks.Where(c => c.Name != Claims.ControlDegraded), Has.All.Property(nameof(CheckResult.Passed)).True, "the real run itself passed every check");
        Assert.That(report.Proves.Single(p => p.Claim == Claims.FailoverOnEndpointLoss), Has.Property(nameof(Proof.Proved)).False.And.Property(nameof(Proof.Checks)).Contains(Claims.ControlDegraded));
        Assert.That(report.Proves.Single(p => p.Claim == Claims.RemediationNecessary).Proved, Is.False);
        Assert.That(report.Proves.Single(p => p.Claim == Claims.LocalityPreference).Proved, Is.True, "locality preference is what failover gave");

        // ground truth: the control scaled reviews-v1 to 0 and back before the real run did the same, and nothing was ejected then
        var scales = lab.Lab.Events.Where(e => e.Kind == "scale-applied" && e.Object == "Deployment/default/reviews-v1").Select(e => e.Detail).ToList();
        Assert.That(scales, Is.EqualTo(new[] { "replicas=0", "replicas=1", "replicas=0", "replicas=1" }));
        Assert.That(control.Steps.Single(), Has.Property(nameof(StepInfo.Control)).True.And.Property(nameof(StepInfo.Kind)).EqualTo("scale"));
        Assert.That(control.Restore!.Status, Is.EqualTo(RestoreStatus.Verified));
        Assert.That(control.Restore.FailbackSeconds, Is.Not.Null, "back to steady state before the real steps");
        Assert.That(report.Restore.Status, Is.EqualTo(RestoreStatus.Verified));
        Assert.That(lab.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task Run_RegionOutageWithControl_RetriesSendThe503ToShanghai_FailedWithTheFinding()
    {
        await using var lab = await LabRun.StartAsync();
        var before = lab.Snapshot();

        var report = await lab.RunAsync(lab.Drill("reviews-region-outage") with { Control = FourSeconds });
        TestContext.Out.WriteLine(Dump(report));

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Failed), Dump(report));
        Assert.That(report.Control!.Finding, Is.EqualTo(ControlAnalyzer.RecoversWithoutFailover), Dump(report));
        Assert.That(report.Control.Necessary, Is.False);
        Assert.That(report.Proves.Single(p => p.Claim == Claims.FailoverOnHostFailure).Proved, Is.False);
        var retried = lab.Lab.Requests.SelectMany(r => r.Hops).Where(h => h.InjectedBy == "server" && h.Status == 503);
        Assert.That(retried, Is.Not.Empty, "reviews-v1 answered 503 itself during the control (and the real run)");
        Assert.That(lab.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task Run_DistributionWithControl_WithoutTheRuleTheShareIsWrong_RemediationNecessaryAndPassed()
    {
        await using var lab = await LabRun.StartAsync();
        var before = lab.Snapshot();
        var fast = LabRun.Fast with { ProbeInterval = TimeSpan.FromMilliseconds(10), ObserveFor = TimeSpan.FromSeconds(12), MinSamples = 1000 };

        var report = await lab.RunAsync(lab.Drill("reviews-distribution", fast) with { Control = new ControlDefinition(TimeSpan.FromSeconds(3)) });
        TestContext.Out.WriteLine(Dump(report));

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Passed), Dump(report));
        var control = report.Control!;
        Assert.That((control.Necessary, control.Sufficient, control.Finding), Is.EqualTo(((bool?)true, (bool?)true, (string?)null)), Dump(report));
        // Without the rule (and productpage locality) about half the pages through either gateway come from cn-shanghai on a
        // real mesh. The Lab's round-robin counters correlate the two probes (docs/lab.md, Honest limits), so how that half
        // splits between the two entry points varies from run to run; pooled over both it is about half, and at least one
        // entry point is outside the rule's bounds.
        var shares = new[] { "via-hangzhou", "via-shanghai" }.Select(p => control.Checks.Single(c => c.Name == $"{p}/share.cn-shanghai")).ToList();
        Assert.That(shares.Any(s => s.Failed), Is.True, Dump(report));
        var pooled = (double)shares.Sum(s => s.Interval!.Hits) / shares.Sum(s => s.Interval!.Samples);
        Assert.That(pooled, Is.InRange(0.35, 0.65), "pooled over both entry points about half the pages come from cn-shanghai");
        Assert.That(report.Checks.Single(c => c.Name == Claims.ControlDegraded).Actual, Does.StartWith("degraded: via-"));
        Assert.That(report.Proves.Single(p => p.Claim == Claims.RemediationNecessary).Proved, Is.True);
        Assert.That(report.Proves.Single(p => p.Claim == Claims.Distribution), Has.Property(nameof(Proof.Proved)).True.And.Property(nameof(Proof.Checks)).Contains(Claims.ControlDegraded));
        Assert.That(control.Steps, Is.Empty, "the drill has no fault step: the control changes nothing");
        Assert.That(lab.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task Run_ControlWhereAbortIfFires_ControlDegradedAndTheRealRunStillRuns()
    {
        await using var lab = await LabRun.StartAsync();
        var before = lab.Snapshot();
        var drill = lab.Drill("reviews-region-outage");
        var everyReviews = drill with
        {
            Steps = [.. drill.Steps.Select(s => s is FailWorkloadStep w ? w with { Name = "drillbot-fail-reviews", Workload = new Dictionary<string, string> { ["app"] = "reviews" } } : s)],
            Control = new ControlDefinition(TimeSpan.FromSeconds(8)),
        };

        var report = await lab.RunAsync(everyReviews);
        TestContext.Out.WriteLine(Dump(report));

        var control = report.Control!;
        Assert.That((control.EndedBy, control.Necessary), Is.EqualTo(("abortIf", (bool?)true)), Dump(report));
        Assert.That(report.Checks.Single(c => c.Name == Claims.ControlDegraded).Actual, Does.StartWith("degraded: abortIf fired: error ratio 1 above 0.9 for 2s"));
        Assert.That(report.Steps.Where(s => !s.Control).Select(s => s.Kind), Is.EqualTo(new[] { "enableFailover", "enableFailover", "wait", "failWorkload" }), "the real run went on after the control");
        Assert.That(report.Verdict, Is.Not.EqualTo(Verdict.Passed), "every reviews pod fails: failover cannot help either");
        Assert.That(report.Restore.Status, Is.EqualTo(RestoreStatus.Verified));
        Assert.That(lab.State("asm", "EnvoyFilter", "drillbot-fail-reviews"), Is.Null);
        Assert.That(lab.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task Plan_WithControl_SaysTheFaultRunsAloneFirst()
    {
        await using var lab = await LabRun.StartAsync();

        var plan = await lab.Engine.PlanAsync(lab.Config, lab.Drill("reviews-failover") with { Control = FourSeconds }, CancellationToken.None);

        Assert.That(plan.Notes, Has.Some.EqualTo("control run first: step 4 (scale) alone for up to 4s, without enableFailover; restored, then the steps below"));
    }
}

using DrillBot.Drills.Analysis;
using DrillBot.Drills.Definitions;

namespace DrillBot.Drills.Tests.Analysis;

/// <summary>proves[]: claims derived from a drill's steps and expectations, proved only by passed checks.</summary>
public sealed class ClaimsTests
{
    private static readonly ScaleStep Fault = new() { Cluster = "c", Namespace = "default", Deployment = "reviews-v1", Replicas = 0, Fault = true };
    private static readonly EnableFailoverStep Arm = new() { Cluster = "mesh", Namespace = "default", DestinationRule = "reviews", Failover = [], OutlierDetection = new OutlierDetectionSettings(1, null, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), 100) };

    private static DrillDefinition Armed() => Drill.Failover() with
    {
        Steps = [Arm, new WaitStep(TimeSpan.FromSeconds(10)), Fault],
        Expect = Drill.Failover().Expect with { BeforeFault = new BeforeFaultExpectation("cn-hangzhou", 0.95, 50) },
    };

    private static CheckResult Ok(string name) => new(name, "x", "y", true);

    private static CheckResult Bad(string name) => new(name, "x", "y", false);

    [Test]
    public void Derive_ArmedFailoverAllPassed_ProvesLocalityAndFailoverNotFailback()
    {
        var proofs = Claims.Derive(Armed(), [Ok("beforeFault.cn-hangzhou"), Ok("recovery.within"), Ok("maxErrorRatio"), Ok("share.cn-shanghai"), Ok("failback.within")]);

        Assert.That(proofs, Is.EqualTo(new[]
        {
            new Proof("locality-preference", ["beforeFault.cn-hangzhou"], true),
            new Proof("failover-on-endpoint-loss", ["beforeFault.cn-hangzhou", "recovery.within", "share.cn-shanghai", "maxErrorRatio"], true),
            new Proof("failback", ["failback.within"], false),
        }).Using<Proof>((a, b) => a.Claim == b.Claim && a.Proved == b.Proved && a.Checks.SequenceEqual(b.Checks)));
    }

    [Test]
    public void Derive_LocalityCheckInconclusive_NeitherLocalityNorFailoverProved()
    {
        var proofs = Claims.Derive(Armed(), [new CheckResult("beforeFault.cn-hangzhou", "x", "y", false) { Inconclusive = true }, Ok("recovery.within"), Ok("maxErrorRatio"), Ok("share.cn-shanghai")]);

        Assert.That(proofs.Select(p => (p.Claim, p.Proved)), Is.EqualTo(new[] { ("locality-preference", false), ("failover-on-endpoint-loss", false) }));
    }

    [Test]
    public void Derive_RunbookOrderWithoutBeforeFault_FailoverNotProvedEvenWhenEveryCheckPassed()
    {
        // fault first, then enable: a mesh that spreads traffic anyway would pass these checks too
        var drill = Drill.Failover() with { Steps = [Fault, Arm] };

        var proof = Claims.Derive(drill, [Ok("recovery.within"), Ok("maxErrorRatio"), Ok("share.cn-shanghai")]).Single();

        Assert.That((proof.Claim, proof.Proved), Is.EqualTo(("failover-on-endpoint-loss", false)));
    }

    [Test]
    public void Derive_RecoveryFailed_FailoverNotProved()
    {
        var proofs = Claims.Derive(Armed(), [Ok("beforeFault.cn-hangzhou"), Bad("recovery.within"), Ok("maxErrorRatio"), Ok("share.cn-shanghai")]);

        Assert.That(proofs.Single(p => p.Claim == "failover-on-endpoint-loss").Proved, Is.False);
    }

    [TestCase(true, true)]
    [TestCase(false, false)]
    public void Derive_DistributeWithBetweenShare_Distribution(bool sharePassed, bool proved)
    {
        var drill = Drill.Failover() with
        {
            Steps = [new DistributeTrafficStep { Cluster = "mesh", Namespace = "default", DestinationRule = "reviews", Distribute = [], OutlierDetection = null }],
            Expect = new ExpectDefinition(null, new Dictionary<string, ShareExpectation> { ["cn-shanghai"] = new(0.05, 0.15) }, 200, 0.01),
        };

        var proof = Claims.Derive(drill, [sharePassed ? Ok("share.cn-shanghai") : Bad("share.cn-shanghai"), Ok("minSamples"), Ok("maxErrorRatio")]).Single();

        Assert.That(proof, Has.Property("Claim").EqualTo("distribution").And.Property("Proved").EqualTo(proved));
        Assert.That(proof.Checks, Is.EqualTo(new[] { "share.cn-shanghai", "minSamples" }));
    }

    [Test]
    public void Derive_VirtualServiceAbortFault_ClaimsNoFailover()
    {
        var drill = Drill.Failover() with { Steps = [Arm, new InjectHttpFaultStep { Cluster = "mesh", Namespace = "default", Host = "reviews", Subset = "v1", VirtualService = "reviews", AbortStatus = 503, Fault = true }] };

        Assert.That(Claims.Derive(drill, [Ok("recovery.within")]), Is.Empty, "a client-side abort is not a lost endpoint nor a failing host");
    }

    [Test]
    public void Derive_TwoProbes_EachProbesClaimsFromItsOwnChecksMergedByClaim()
    {
        var shared = new ExpectDefinition(null, new Dictionary<string, ShareExpectation> { ["cn-shanghai"] = new(0.05, 0.15) }, 0, null);
        var own = shared with { Share = new Dictionary<string, ShareExpectation> { ["cn-shanghai"] = new(0.35, 0.65) } };
        var drill = Drill.Failover() with
        {
            Steps = [new DistributeTrafficStep { Cluster = "mesh", Namespace = "default", DestinationRule = "reviews", Distribute = [] }],
            Expect = shared,
            NamedProbes = [new NamedProbe("via-a", Drill.Failover().Probe, shared), new NamedProbe("via-b", Drill.Failover().Probe, own)],
        };

        var allPassed = Claims.Derive(drill, [Ok("via-a/share.cn-shanghai"), Ok("via-b/share.cn-shanghai")]).Single();
        var oneFailed = Claims.Derive(drill, [Ok("via-a/share.cn-shanghai"), Bad("via-b/share.cn-shanghai")]).Single();
        var unprefixed = Claims.Derive(drill, [Ok("share.cn-shanghai")]).Single();

        Assert.That((allPassed.Claim, allPassed.Proved), Is.EqualTo(("distribution", true)));
        Assert.That(allPassed.Checks, Is.EqualTo(new[] { "via-a/share.cn-shanghai", "via-b/share.cn-shanghai" }));
        Assert.That(oneFailed.Proved, Is.False, "proved only through every probe that makes the claim");
        Assert.That(unprefixed.Proved, Is.False, "a probe's claim is backed only by its own checks");
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Derive_ControlRan_ItsCheckBacksRemediationNecessaryAndTheFailoverClaim(bool degraded)
    {
        var checks = new[] { Ok("beforeFault.cn-hangzhou"), Ok("recovery.within"), Ok("maxErrorRatio"), Ok("share.cn-shanghai"), degraded ? Ok(Claims.ControlDegraded) : Bad(Claims.ControlDegraded) };

        var proofs = Claims.Derive(Armed(), checks);

        Assert.That(proofs.Select(p => (p.Claim, p.Proved)), Is.EqualTo(new[] { ("locality-preference", true), ("failover-on-endpoint-loss", degraded), ("remediation-necessary", degraded) }));
        Assert.That(proofs.Single(p => p.Claim == Claims.RemediationNecessary).Checks, Is.EqualTo(new[] { Claims.ControlDegraded }));
        Assert.That(proofs.Single(p => p.Claim == Claims.FailoverOnEndpointLoss).Checks[^1], Is.EqualTo(Claims.ControlDegraded));
    }

    [TestCase(true, true)]
    [TestCase(false, false)]
    public void Derive_RestoreFailbackServedBy_FailbackProvedByItsPassedCheck(bool passed, bool proved)
    {
        var drill = Armed() with { Restore = new RestoreDefinition(TimeSpan.FromSeconds(60)) { Failback = new FailbackExpectation("cn-hangzhou", 0.3, TimeSpan.FromSeconds(2)) } };

        var proof = Claims.Derive(drill, [Ok("beforeFault.cn-hangzhou"), passed ? Ok("failback.within") : Bad("failback.within")]).Single(p => p.Claim == Claims.Failback);

        Assert.That(proof.Proved, Is.EqualTo(proved), "with restore.failback, failback.within includes the original region serving again");
        Assert.That(proof.Checks, Is.EqualTo(new[] { "failback.within" }));
    }
}

using DrillBot.Drills.Definitions;

namespace DrillBot.Drills.Analysis;

/// <summary>
/// What a drill claims to prove, derived from its steps and expectations (docs/drills-yaml.md, "What a
/// drill proves"). A claim is proved when every check backing it was evaluated and passed; a claim
/// whose evidence the drill does not gather at all is listed as not proved, never left out silently.
/// </summary>
public static class Claims
{
    public const string LocalityPreference = "locality-preference";
    public const string FailoverOnEndpointLoss = "failover-on-endpoint-loss";
    public const string FailoverOnHostFailure = "failover-on-host-failure";
    public const string Distribution = "distribution";
    public const string Failback = "failback";
    public const string RemediationNecessary = "remediation-necessary";

    /// <summary>The check a control run adds (issue 15 item 4): without the remediation the fault broke an expectation.</summary>
    public const string ControlDegraded = "control.degraded";

    /// <summary>
    /// The drill's claims. With <c>probes:</c> each probe's claims are derived from its own checks (<c>{name}/…</c>)
    /// and merged by claim: proved only when proved through every probe that makes it. A control run's
    /// <see cref="ControlDegraded"/> backs <see cref="RemediationNecessary"/> and every failover and distribution
    /// claim: a fault that recovers without the remediation proves nothing about it.
    /// </summary>
    public static IReadOnlyList<Proof> Derive(DrillDefinition drill, IReadOnlyList<CheckResult> checks)
    {
        ArgumentNullException.ThrowIfNull(drill);
        ArgumentNullException.ThrowIfNull(checks);
        var merged = new List<Proof>();
        foreach (var view in drill.ProbeViews())
        {
            var own = checks.Where(c => view.Name is null ? !c.Name.Contains('/', StringComparison.Ordinal) : c.Name.StartsWith(view.Prefix, StringComparison.Ordinal))
                .Select(c => c with { Name = c.Name[view.Prefix.Length..] }).ToList();
            foreach (var proof in DeriveOne(view.Drill, own))
            {
                var named = proof with { Checks = [.. proof.Checks.Select(n => view.Prefix + n)] };
                var at = merged.FindIndex(p => p.Claim == proof.Claim);
                if (at < 0)
                {
                    merged.Add(named);
                }
                else
                {
                    merged[at] = new Proof(proof.Claim, [.. merged[at].Checks, .. named.Checks], merged[at].Proved && named.Proved);
                }
            }
        }

        if (checks.FirstOrDefault(c => c.Name == ControlDegraded) is { } control)
        {
            merged = [.. merged.Select(p => p.Claim is FailoverOnEndpointLoss or FailoverOnHostFailure or Distribution
                ? new Proof(p.Claim, [.. p.Checks, ControlDegraded], p.Proved && control.Passed)
                : p)];
            merged.Add(new Proof(RemediationNecessary, [ControlDegraded], control.Passed)); // control runs (issue 15 item 4)
        }

        return merged;
    }

    private static List<Proof> DeriveOne(DrillDefinition drill, IReadOnlyList<CheckResult> checks)
    {
        var proofs = new List<Proof>();
        var expect = drill.Expect;
        var before = expect.BeforeFault is { } b ? $"beforeFault.{b.ServedBy}" : null;
        if (before is not null)
        {
            proofs.Add(Backed(LocalityPreference, [before], checks));
        }

        var fault = drill.Steps.FirstOrDefault(s => s.Fault);
        var failover = fault switch
        {
            ScaleStep { Replicas: 0 } => FailoverOnEndpointLoss,
            { Kind: "failWorkload" } => FailoverOnHostFailure, // the server-side outage step (issue 15 item 2)
            _ => null,
        };
        if (failover is not null && expect.Recovery is { } recovery)
        {
            var backing = new List<string> { "recovery.within" };
            if (expect.Share.ContainsKey(recovery.ServedBy))
            {
                backing.Add($"share.{recovery.ServedBy}");
            }

            if (expect.MaxErrorRatio is not null)
            {
                backing.Add("maxErrorRatio");
            }

            // "served by another region" needs the region that served before: without a passed
            // beforeFault on a different class, a mesh that spreads traffic anyway looks the same
            var otherRegion = before is not null && expect.BeforeFault!.ServedBy != recovery.ServedBy;
            if (before is not null)
            {
                backing.Insert(0, before);
            }

            var proof = Backed(failover, backing, checks);
            proofs.Add(otherRegion ? proof : proof with { Proved = false });
        }

        if (drill.Steps.OfType<DistributeTrafficStep>().Any())
        {
            var shares = expect.Share.Where(kv => kv.Value.AtLeast is not null && kv.Value.AtMost is not null).Select(kv => $"share.{kv.Key}").ToList();
            if (expect.MinSamples > 0)
            {
                shares.Add("minSamples");
            }

            proofs.Add(shares.Count == 0 ? new Proof(Distribution, [], false) : Backed(Distribution, shares, checks));
        }

        var failback = checks.Where(c => c.Name.StartsWith("failback.", StringComparison.Ordinal)).Select(c => c.Name).ToList();
        if (failback.Count > 0)
        {
            // steady state again alone is not failback: the original region must serve again, which failback.within
            // checks only when the drill has restore.failback (docs/drills-yaml.md#abortif-observefor-restore-timeout)
            var proof = Backed(Failback, failback, checks);
            proofs.Add(drill.Restore.Failback is not null ? proof : proof with { Proved = false });
        }

        return proofs;
    }

    private static Proof Backed(string claim, IReadOnlyList<string> names, IReadOnlyList<CheckResult> checks) =>
        new(claim, names, names.All(n => checks.Any(c => c.Name == n && c.Passed)));
}

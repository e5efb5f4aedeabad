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

    /// <summary>The check of issue 15 item 5 that failback needs: the original region serves again.</summary>
    public const string FailbackServedBy = "failback.servedBy";

    public static IReadOnlyList<Proof> Derive(DrillDefinition drill, IReadOnlyList<CheckResult> checks)
    {
        ArgumentNullException.ThrowIfNull(drill);
        ArgumentNullException.ThrowIfNull(checks);
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
            // steady state again (failback.within) alone is not failback: the original region must serve again
            var proof = Backed(Failback, failback, checks);
            proofs.Add(failback.Contains(FailbackServedBy) ? proof : proof with { Proved = false });
        }

        var control = checks.Where(c => c.Name.StartsWith("control.", StringComparison.Ordinal)).Select(c => c.Name).ToList();
        if (control.Count > 0)
        {
            proofs.Add(Backed(RemediationNecessary, control, checks)); // control runs (issue 15 item 4)
        }

        return proofs;
    }

    private static Proof Backed(string claim, IReadOnlyList<string> names, IReadOnlyList<CheckResult> checks) =>
        new(claim, names, names.All(n => checks.Any(c => c.Name == n && c.Passed)));
}

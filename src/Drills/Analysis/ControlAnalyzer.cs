using DrillBot.Drills.Definitions;

namespace DrillBot.Drills.Analysis;

/// <summary>
/// Decides a control run (docs/drills-yaml.md#control). The remediation was necessary when, without it, the fault
/// broke one of the drill's post-fault expectations (recovery, maxErrorRatio, a share) or abortIf fired; when every
/// one of them held, the fault recovers by itself and the drill proves nothing about the remediation. Pure.
/// </summary>
public static class ControlAnalyzer
{
    /// <summary>The finding of issue 15 item 4 for a drill that claims failover.</summary>
    public const string RecoversWithoutFailover = "the fault recovers without failover: this drill does not prove failover";

    /// <summary>The same finding for any other remediation (e.g. a distribute rule).</summary>
    public const string HoldsWithoutRemediation = "every expectation holds without the remediation: this drill does not prove the remediation is needed";

    public static ControlResult Analyze(ControlInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var checks = new List<CheckResult>();
        var t0 = input.FaultAt ?? input.From;
        foreach (var (view, samples) in input.Probes)
        {
            var drill = view.Drill with { Expect = view.Drill.Expect with { BeforeFault = null } };
            var analysis = DrillAnalyzer.Analyze(new AnalysisInput(drill, samples, null, null, t0, t0, input.EndAt, null) { ProbeName = view.Name });
            foreach (var check in analysis.Checks)
            {
                checks.Add(check.Name.EndsWith("recovery.within", StringComparison.Ordinal) && !check.Passed && drill.Expect.Recovery is { } r && input.EndAt < t0 + r.Within + r.StableFor
                    ? check with { Inconclusive = true, Actual = $"{check.Actual} within the control's {Format.Seconds(input.EndAt - t0)} (shorter than recovery.within + stableFor: no recovery cannot be decided)" }
                    : check);
            }
        }

        var left = string.Join(", ", input.Drill.LeftOutByControl.Select(s => s.Kind).Distinct(StringComparer.Ordinal));
        var expected = $"without the remediation ({left}) the fault breaks an expectation (recovery, maxErrorRatio, share) within {Format.Seconds(input.EndAt - t0)}, or abortIf fires";
        var considered = checks.Where(c => !c.Name.EndsWith("minSamples", StringComparison.Ordinal)).ToList();
        var broken = considered.Where(c => c.Failed).ToList();
        if (input.AbortIf is not null || broken.Count > 0)
        {
            var parts = new List<string>();
            if (input.AbortIf is { } fired)
            {
                parts.Add($"abortIf fired: {fired}");
            }

            parts.AddRange(broken.Select(c => $"{c.Name} {c.Actual}"));
            var why = string.Join("; ", parts);
            return new ControlResult(new CheckResult(Claims.ControlDegraded, expected, $"degraded: {why}", true), checks, true, null);
        }

        var undecided = checks.Where(c => c.Inconclusive || (c.Failed && c.Name.EndsWith("minSamples", StringComparison.Ordinal))).ToList();
        if (considered.Count == 0 || undecided.Count > 0)
        {
            var why = considered.Count == 0 ? "no expectation after the fault to compare" : $"no expectation broke, but {string.Join(", ", undecided.Select(c => c.Name))} could not be decided (too few samples in the control)";
            return new ControlResult(new CheckResult(Claims.ControlDegraded, expected, why, false) { Inconclusive = true }, checks, null, null);
        }

        var finding = ClaimsFailover(input.Drill) ? RecoversWithoutFailover : HoldsWithoutRemediation;
        var held = string.Join("; ", considered.Select(c => $"{c.Name} {c.Actual}"));
        return new ControlResult(new CheckResult(Claims.ControlDegraded, expected, $"{finding} ({held})", false), checks, false, finding);
    }

    /// <summary>
    /// The remediation was sufficient: the real run met every post-fault expectation (recovery, shares,
    /// maxErrorRatio, minSamples); null while one is undecided or none was evaluated.
    /// </summary>
    public static bool? Sufficient(IReadOnlyList<CheckResult> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var after = checks.Where(c => Base(c.Name) is "recovery.within" or "maxErrorRatio" or "minSamples" || Base(c.Name).StartsWith("share.", StringComparison.Ordinal)).ToList();
        if (after.Count == 0)
        {
            return null;
        }

        return after.Any(c => c.Failed) ? false : after.Any(c => c.Inconclusive) ? null : true;
    }

    private static string Base(string name) => name[(name.IndexOf('/', StringComparison.Ordinal) + 1)..];

    private static bool ClaimsFailover(DrillDefinition drill) =>
        drill.Steps.OfType<EnableFailoverStep>().Any() || drill.Steps.Any(s => s.Fault && s is ScaleStep { Replicas: 0 } or FailWorkloadStep);
}

using DrillBot.Drills.Probing;

namespace DrillBot.Drills.Analysis;

/// <summary>Turns the samples and moments of a run into measurements, checks and reasons. Pure.</summary>
public static class DrillAnalyzer
{
    public static DrillAnalysis Analyze(AnalysisInput input)
    {
        var drill = input.Drill;
        var sorted = SampleWindows.Sorted(input.Samples);
        var byClass = CountByClass(sorted);
        var latency = LatencySummary.Of(sorted.Where(s => s.Ok).Select(s => s.Duration.TotalMilliseconds));
        var checks = new List<CheckResult>();
        var reasons = new List<string>();

        double? steadyRatio = null;
        if (input.SteadyFrom is { } sFrom && input.SteadyTo is { } sTo)
        {
            var steady = SampleWindows.Between(sorted, sFrom, sTo).ToList();
            steadyRatio = steady.Count == 0 ? 0 : steady.Count(s => s.Ok) / (double)steady.Count;
            checks.Add(Checks.SteadyState(drill.SteadyState, steadyRatio.Value, steady.Count));
        }

        if (drill.Expect.BeforeFault is { } before && input.ArmedAt is { } armed && input.FaultStartedAt is { } faultStart)
        {
            var window = sorted.Where(s => s.SentAt >= armed && s.SentAt < faultStart).ToList();
            checks.Add(Checks.BeforeFault(before, window.Count(s => s.Ok && s.Class == before.ServedBy), window.Count, drill.Expect.Confidence));
        }

        RecoveryResult? recovery = null;
        double? errorRatio = null;
        var shares = new Dictionary<string, double>(StringComparer.Ordinal);
        var shareSamples = 0;
        if (input.ObserveFrom is { } observeFrom)
        {
            var end = input.ObserveEndAt;
            if (drill.Expect.Recovery is { } expected && input.FaultAt is { } t0)
            {
                var start = SampleWindows.EarliestRecovery(sorted, expected, t0, end);
                recovery = start is null ? null : new RecoveryResult(start.SentAt - t0, expected.ServedBy, start.SentAt);
                checks.Add(Checks.Recovery(expected, recovery));
            }

            // counted in place: an hour at 100/s is 360,000 samples, and copies of them would be most of the run's peak memory
            var (observed, notOk) = (0, 0);
            foreach (var s in SampleWindows.Between(sorted, observeFrom, end))
            {
                observed++;
                notOk += s.Ok ? 0 : 1;
            }

            errorRatio = observed == 0 ? null : notOk / (double)observed;
            if (drill.Expect.MaxErrorRatio is { } maxError)
            {
                checks.Add(Checks.ErrorRatio(maxError, notOk, observed, drill.Expect.Confidence));
            }

            var shareFrom = recovery?.WindowStart ?? input.LastStepAt ?? observeFrom;
            var okAfter = CountByClass(SampleWindows.Between(sorted, shareFrom, end).Where(s => s.Ok));
            shareSamples = okAfter.Values.Sum();
            foreach (var (cls, n) in okAfter)
            {
                shares[cls] = n / (double)shareSamples;
            }

            foreach (var (cls, bounds) in drill.Expect.Share)
            {
                checks.Add(Checks.Share(cls, bounds, okAfter.GetValueOrDefault(cls), shareSamples, drill.Expect.Confidence));
            }

            if (drill.Expect.MinSamples > 0)
            {
                checks.Add(Checks.MinSamples(drill.Expect.MinSamples, shareSamples));
            }
        }

        TimeSpan? failback = null;
        string? failbackServedBy = null;
        if (input.RestoreFinishedAt is { } restored)
        {
            var (at, why) = FailbackWindows.Moment(drill, sorted, restored, input.DeploymentsReadyAt, input.DeploymentsNotReady);
            failback = at - restored;
            failbackServedBy = at is { } moment ? drill.Restore.Failback?.ServedBy ?? sorted.Where(s => s.Ok && s.SentAt >= moment).Take(50).GroupBy(s => s.Class).OrderByDescending(g => g.Count()).FirstOrDefault()?.Key : null;
            checks.Add(Checks.Failback(drill.Restore.VerifyWithin, failback, why, drill.Restore.Failback));
        }

        if (input.ProbeName is { } probe)
        {
            checks = [.. checks.Select(c => c with { Name = $"{probe}/{c.Name}" })];
        }

        reasons.AddRange(checks.Where(c => c.Failed).Select(c => $"{c.Name}: expected {c.Expected}, got {c.Actual}"));
        if (drill.Expect.BeforeFault is { } b && checks.Any(c => c.Failed && c.Name.EndsWith($"beforeFault.{b.ServedBy}", StringComparison.Ordinal)))
        {
            reasons.Add($"{(input.ProbeName is { } named ? named + ": " : string.Empty)}{b.ServedBy} did not serve while healthy: locality preference was not in force. Without a localityLbSetting and outlierDetection on the host's DestinationRule (or a mesh-wide localityLbSetting and outlierDetection on the rule), Istio spreads traffic over every region (docs/drills-yaml.md#enablefailover)");
        }

        reasons.AddRange(checks.Where(c => c.Inconclusive).Select(c => $"{c.Name}: inconclusive, too few samples to decide: expected {c.Expected}, got {c.Actual}"));
        var late = sorted.Count(s => s.Late);
        if (late > 0)
        {
            reasons.Add($"{late} of {sorted.Count} probe samples{(input.ProbeName is { } p ? $" of probe {p}" : string.Empty)} were sent late (the prober could not hold its rate)");
        }

        return new DrillAnalysis(sorted.Count, late, byClass, latency, recovery, shares, shareSamples, errorRatio, steadyRatio, failback, checks, reasons) { FailbackServedBy = failbackServedBy };
    }

    private static Dictionary<string, int> CountByClass(IEnumerable<ProbeSample> samples)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in samples)
        {
            counts[s.Class] = counts.GetValueOrDefault(s.Class) + 1;
        }

        return counts;
    }
}

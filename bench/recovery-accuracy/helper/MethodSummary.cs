namespace DrillBot.Bench.RecoveryAccuracy;

/// <summary>One method over all runs: errors of the runs where it found a recovery, resources summed or at their peak.</summary>
internal sealed record MethodSummary(
    string Method,
    int Runs,
    IReadOnlyList<double> Errors,
    double? MedianAbsMs,
    double? WorstAbsMs,
    double? MedianSignedMs,
    double SamplesPerRun,
    double PeriodMs,
    double CpuSecondsPerRun,
    double CpuMsPerSample,
    double? ObserveCpuMsPerSample,
    double PeakRssMb)
{
    public int Missing => Runs - Errors.Count;

    /// <summary>The largest per-run jitter p99 (DrillBot with a samples file), ms.</summary>
    public double? JitterP99Ms { get; init; }

    /// <summary>The median of the per-run jitter p99s, ms.</summary>
    public double? JitterP99MedianMs { get; init; }

    public static MethodSummary Of(string method, IReadOnlyList<RunResult> runs)
    {
        var all = runs.Select(r => r.Of(method)).ToList();
        var errors = all.Where(m => m.ErrorMs is not null).Select(m => m.ErrorMs!.Value).ToList();
        var abs = errors.Select(Math.Abs).ToList();
        var observe = all.Where(m => m.ObserveCpuMsPerSample is not null).Select(m => m.ObserveCpuMsPerSample!.Value).ToList();
        return new MethodSummary(method, runs.Count, errors, Stats.Median(abs), abs.Count == 0 ? null : abs.Max(), Stats.Median(errors),
            Stats.Median(all.Select(m => (double)m.Samples).ToList()) ?? 0,
            Stats.Median(all.Select(m => m.PeriodMs).Where(p => !double.IsNaN(p)).ToList()) ?? double.NaN,
            Stats.Median(all.Select(m => m.CpuSeconds).ToList()) ?? 0,
            all.Sum(m => m.CpuSeconds) * 1000 / Math.Max(1, all.Sum(m => m.Samples)),
            Stats.Median(observe),
            all.Max(m => m.PeakRssKb) / 1024.0)
        {
            JitterP99MedianMs = Stats.Median(all.Where(m => m.JitterP99Ms is not null).Select(m => m.JitterP99Ms!.Value).ToList()),
            JitterP99Ms = all.Where(m => m.JitterP99Ms is not null).Select(m => m.JitterP99Ms!.Value).DefaultIfEmpty(double.NaN).Max() is var j && !double.IsNaN(j) ? j : null,
        };
    }
}

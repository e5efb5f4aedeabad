namespace DrillBot.Bench.RecoveryAccuracy;

/// <summary>
/// One method's figures in one run. <see cref="ErrorMs"/> = measured recovery instant − true instant (null: the
/// method found no recovery window). CPU and memory are the measuring processes' own; <see cref="CpuMsPerSample"/>
/// divides the CPU of the whole run by the samples taken in it; <see cref="ObserveCpuMsPerSample"/> (DrillBot only)
/// counts only the observation phase, without process start, preflight, restore and failback.
/// </summary>
internal sealed record MethodResult(
    string Method,
    int Samples,
    double PeriodMs,
    DateTimeOffset? MeasuredAt,
    double? ErrorMs,
    double CpuSeconds,
    double CpuMsPerSample,
    double? ObserveCpuMsPerSample,
    long PeakRssKb)
{
    /// <summary>DrillBot only, from its samples file: the 99th percentile of send time − scheduled slot (ms).</summary>
    public double? JitterP99Ms { get; init; }
}

namespace DrillBot.Drills.Reports;

/// <summary>
/// The probe samples of the run over time; <see cref="TimelineSample.T"/> and <see cref="TimelineBucket.T"/> are seconds
/// since <see cref="Start"/>. Up to <see cref="MaxSamples"/> samples the timeline lists every one in send order
/// (<see cref="Samples"/>); a longer run (an hour at 100/s is 360,000 samples) lists none and summarises them in
/// <see cref="Buckets"/> of <see cref="BucketSeconds"/> each (at most <see cref="MaxBuckets"/>), so the report stays
/// small; the raw series is then in <see cref="SamplesFile"/> when the run was asked to write it (<c>--samples-file</c>).
/// </summary>
public sealed record Timeline(DateTimeOffset Start, IReadOnlyList<TimelineSample> Samples)
{
    /// <summary>Runs with more samples than this get <see cref="Buckets"/> instead of <see cref="Samples"/>.</summary>
    public const int MaxSamples = 3000;

    /// <summary>The most buckets a timeline has.</summary>
    public const int MaxBuckets = 1000;

    /// <summary>How many samples the run took (0 in reports written before this field existed: count <see cref="Samples"/>).</summary>
    public int SampleCount { get; init; }

    /// <summary>The width of each bucket, when the samples are summarised.</summary>
    public double? BucketSeconds { get; init; }

    /// <summary>The samples summarised per <see cref="BucketSeconds"/> (null when <see cref="Samples"/> lists them all).</summary>
    public IReadOnlyList<TimelineBucket>? Buckets { get; init; }

    /// <summary>Where every sample of the run was written (CSV, one line per sample), when asked for; else null.</summary>
    public string? SamplesFile { get; init; }
}

/// <summary>One sample on the timeline: send offset (s), latency (ms), class, ok, HTTP status or error kind, late.</summary>
public sealed record TimelineSample(double T, double Ms, string Class, bool Ok, int? Status, string? Error, bool Late)
{
    /// <summary>The probe that took it, in a drill with <c>probes:</c>; null for a single <c>probe:</c>.</summary>
    public string? Probe { get; init; }
}

/// <summary>
/// The samples sent in [<see cref="T"/>, T + bucketSeconds): how many, per class (ok and not-ok apart), how many late,
/// and the median and largest latency of the ok ones (ms).
/// </summary>
public sealed record TimelineBucket(double T, int Count, IReadOnlyDictionary<string, int> Ok, IReadOnlyDictionary<string, int> NotOk, int Late, double? MsP50, double? MsMax);

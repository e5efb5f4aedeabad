using DrillBot.Drills.Probing;
using DrillBot.Drills.Reports;

namespace DrillBot.Drills.Running;

/// <summary>The report's timeline from the run's sorted samples: every sample, or buckets for a long run (<see cref="Timeline"/>).</summary>
internal static class TimelineBuilder
{
    private static readonly double[] NiceSeconds = [0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];

    /// <param name="probes">With <c>probes:</c>, the probe of each sorted sample (same index); null for a single probe.</param>
    public static Timeline Build(DateTimeOffset start, IReadOnlyList<ProbeSample> sorted, TimeSpan interval, IReadOnlyList<string?>? probes = null)
    {
        if (sorted.Count <= Timeline.MaxSamples)
        {
            return new Timeline(start, sorted.Select((s, i) => new TimelineSample(Math.Round((s.SentAt - start).TotalSeconds, 4), Math.Round(s.Duration.TotalMilliseconds, 2), s.Class, s.Ok, s.Status, s.ErrorKind, s.Late) { Probe = probes?[i] }).ToList())
            {
                SampleCount = sorted.Count,
            };
        }

        var span = Math.Max(0, (sorted[^1].SentAt - start).TotalSeconds);
        var width = BucketSeconds(span, interval);
        var buckets = new List<TimelineBucket>();
        var i = 0;
        while (i < sorted.Count)
        {
            var index = Math.Floor(Math.Max(0, (sorted[i].SentAt - start).TotalSeconds) / width);
            var end = start + TimeSpan.FromSeconds((index + 1) * width);
            var (ok, notOk, late, count) = (new Dictionary<string, int>(StringComparer.Ordinal), new Dictionary<string, int>(StringComparer.Ordinal), 0, 0);
            var latencies = new List<double>();
            for (; i < sorted.Count && sorted[i].SentAt < end; i++)
            {
                var s = sorted[i];
                count++;
                late += s.Late ? 1 : 0;
                var byClass = s.Ok ? ok : notOk;
                byClass[s.Class] = byClass.GetValueOrDefault(s.Class) + 1;
                if (s.Ok)
                {
                    latencies.Add(s.Duration.TotalMilliseconds);
                }
            }

            latencies.Sort();
            buckets.Add(new TimelineBucket(Math.Round(index * width, 4), count, ok, notOk, late,
                latencies.Count == 0 ? null : Math.Round(latencies[(latencies.Count - 1) / 2], 2), latencies.Count == 0 ? null : Math.Round(latencies[^1], 2)));
        }

        return new Timeline(start, []) { SampleCount = sorted.Count, BucketSeconds = width, Buckets = buckets };
    }

    /// <summary>The smallest round width, at least one probe interval, that keeps the run within <see cref="Timeline.MaxBuckets"/>.</summary>
    public static double BucketSeconds(double spanSeconds, TimeSpan interval)
    {
        foreach (var width in NiceSeconds)
        {
            if (width >= interval.TotalSeconds && spanSeconds / width < Timeline.MaxBuckets)
            {
                return width;
            }
        }

        return Math.Ceiling(spanSeconds / Timeline.MaxBuckets);
    }
}

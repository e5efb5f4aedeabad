namespace DrillBot.Lab.Telemetry;

/// <summary>One series' counter and duration histogram (Envoy's default buckets, which Istio uses for request durations).</summary>
internal sealed class IstioSeries
{
    /// <summary>
    /// Envoy's default histogram buckets in milliseconds (<c>HistogramOptionsImpl::defaultBuckets</c>,
    /// https://github.com/envoyproxy/envoy/blob/main/source/common/stats/histogram_impl.cc), those of <c>istio_request_duration_milliseconds</c>.
    /// </summary>
    public static readonly double[] Buckets = [0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000];

    private readonly Lock _gate = new();
    private readonly long[] _counts = new long[Buckets.Length];
    private long _total;
    private double _sumMs;

    public void Observe(TimeSpan duration)
    {
        var ms = Math.Max(0, duration.TotalMilliseconds);
        lock (_gate)
        {
            _total++;
            _sumMs += ms;
            for (var i = 0; i < Buckets.Length; i++)
            {
                if (ms <= Buckets[i])
                {
                    _counts[i]++;
                    break;
                }
            }
        }
    }

    /// <summary>(count, sum in ms, cumulative bucket counts) at one instant.</summary>
    public (long Count, double SumMs, long[] Cumulative) Read()
    {
        lock (_gate)
        {
            var cumulative = new long[Buckets.Length];
            long running = 0;
            for (var i = 0; i < Buckets.Length; i++)
            {
                running += _counts[i];
                cumulative[i] = running;
            }

            return (_total, _sumMs, cumulative);
        }
    }
}

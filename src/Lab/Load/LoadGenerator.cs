using System.Collections.Concurrent;

namespace DrillBot.Lab.Load;

/// <summary>
/// The background users (<see cref="LabLoadSpec"/>): one sender per entry point, over real HTTP to the entry point's
/// gateway, on the Lab's clock. Users arrive independently of each other and of the answers: a Poisson process at the
/// given rate (seeded), so their requests interleave with the probe's at random, as real users' do (a regular schedule
/// would lock step with the probe's and the Lab's round robin and bias what the probe sees). Changing an entry's load
/// replaces its sender.
/// </summary>
internal sealed class LoadGenerator : IAsyncDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly Func<string, Uri> _entry;
    private readonly ConcurrentDictionary<string, (CancellationTokenSource Stop, Task Loop)> _senders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, long> _byStatus = new();
    private long _sent;
    private long _skipped;

    /// <param name="entry">The gateway URL of an entry point, by the gateway's context.</param>
    public LoadGenerator(TimeProvider time, int seed, Func<string, Uri> entry)
    {
        _time = time;
        _random = new Random(seed);
        _entry = entry;
    }

    public LabLoadStats Stats => new(Interlocked.Read(ref _sent), Interlocked.Read(ref _skipped), new Dictionary<int, long>(_byStatus));

    /// <summary>Starts (or replaces, or with rate 0 stops) the users of <paramref name="spec"/>'s entry point.</summary>
    public async Task SetAsync(LabLoadSpec spec, string entryName)
    {
        if (_senders.TryRemove(entryName, out var old))
        {
            await old.Stop.CancelAsync().ConfigureAwait(false);
            await old.Loop.ConfigureAwait(false);
            old.Stop.Dispose();
        }

        if (spec.Rate <= 0)
        {
            return;
        }

        var stop = new CancellationTokenSource();
        var gateway = _entry(entryName);
        _senders[entryName] = (stop, Task.Run(() => RunAsync(spec, gateway, stop.Token), CancellationToken.None));
    }

    private async Task RunAsync(LabLoadSpec spec, Uri gateway, CancellationToken stop)
    {
        var paths = spec.Paths.Select(p => new Uri(gateway, p)).ToArray();
        var started = _time.GetTimestamp();
        var tick = TimeSpan.FromMilliseconds(Math.Clamp(1000 / spec.Rate, 5, 100));
        var inFlight = 0;
        long n = 0;
        var next = NextGap(spec.Rate);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var elapsed = _time.GetElapsedTime(started).TotalSeconds;
                for (; next <= elapsed; n++, next += NextGap(spec.Rate))
                {
                    if (Volatile.Read(ref inFlight) >= spec.MaxInFlight)
                    {
                        Interlocked.Increment(ref _skipped);
                        continue;
                    }

                    Interlocked.Increment(ref inFlight);
                    Interlocked.Increment(ref _sent);
                    _ = SendAsync(paths[n % paths.Length], () => Interlocked.Decrement(ref inFlight));
                }

                await Task.Delay(tick, _time, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // stopped
        }
    }

    /// <summary>Seconds to the next user: exponential with mean 1 / rate.</summary>
    private double NextGap(double rate)
    {
        double u;
        lock (_random)
        {
            u = _random.NextDouble();
        }

        return -Math.Log(1 - u) / rate;
    }

    private async Task SendAsync(Uri url, Action done)
    {
        var status = 0;
        try
        {
            using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseContentRead).ConfigureAwait(false);
            status = (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or ObjectDisposedException)
        {
            status = 0;
        }
        finally
        {
            _byStatus.AddOrUpdate(status, 1, (_, c) => c + 1);
            done();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var name in _senders.Keys.ToList())
        {
            await SetAsync(new LabLoadSpec(0), name).ConfigureAwait(false);
        }

        _http.Dispose();
    }
}

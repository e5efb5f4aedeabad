using System.Collections.Concurrent;

namespace DrillBot.Lab.Load;

/// <summary>
/// The background users (<see cref="LabLoadSpec"/>): one fixed-rate sender per entry point, over real HTTP to the
/// entry point's gateway, on the Lab's clock. Changing an entry's load replaces its sender.
/// </summary>
internal sealed class LoadGenerator : IAsyncDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    private readonly TimeProvider _time;
    private readonly Func<string?, Uri> _entry;
    private readonly ConcurrentDictionary<string, (CancellationTokenSource Stop, Task Loop)> _senders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, long> _byStatus = new();
    private long _sent;
    private long _skipped;

    /// <param name="entry">The gateway URL of an entry point (null = the default ingress).</param>
    public LoadGenerator(TimeProvider time, Func<string?, Uri> entry)
    {
        _time = time;
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
        var gateway = _entry(spec.Entry);
        _senders[entryName] = (stop, Task.Run(() => RunAsync(spec, gateway, stop.Token), CancellationToken.None));
    }

    private async Task RunAsync(LabLoadSpec spec, Uri gateway, CancellationToken stop)
    {
        var paths = spec.Paths.Select(p => new Uri(gateway, p)).ToArray();
        var started = _time.GetTimestamp();
        var tick = TimeSpan.FromMilliseconds(Math.Clamp(1000 / spec.Rate, 5, 100));
        var inFlight = 0;
        long n = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var due = (long)(_time.GetElapsedTime(started).TotalSeconds * spec.Rate);
                for (; n < due; n++)
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

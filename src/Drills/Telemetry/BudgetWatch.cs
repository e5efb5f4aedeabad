using System.Globalization;

namespace DrillBot.Drills.Telemetry;

/// <summary>
/// While the drill changes things (steps and observation), counts real users' errors since the first step every scrape
/// interval and stops the run (like abortIf: abort, then restore) once they exceed what the run may spend; also when
/// Prometheus cannot be read three times in a row (the cap could not be kept).
/// </summary>
internal sealed class BudgetWatch(MeshQueries queries, double allowed, TimeSpan every, TimeProvider time, Action<string> abort) : IAsyncDisposable
{
    private const int MaxFailures = 3;
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    /// <summary>The last count seen.</summary>
    public long? Errors { get; private set; }

    public void Start(DateTimeOffset since) => _loop = Task.Run(() => RunAsync(since, _stop.Token));

    private async Task RunAsync(DateTimeOffset since, CancellationToken stop)
    {
        var failures = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(every, time, stop).ConfigureAwait(false);
                try
                {
                    var (errors, _) = await queries.UserErrorsAsync(since, time.GetUtcNow(), stop).ConfigureAwait(false);
                    Errors = errors;
                    failures = 0;
                    if (errors > allowed)
                    {
                        abort($"budget: {errors.ToString("N0", CultureInfo.InvariantCulture)} real-user requests failed since the first step, more than the {Math.Floor(allowed).ToString("N0", CultureInfo.InvariantCulture)} this run may spend; aborted");
                        return;
                    }
                }
                catch (PrometheusException e) when (++failures >= MaxFailures)
                {
                    abort($"budget: cannot count real-user errors ({MaxFailures} reads failed, the last: {e.Message}); aborted, since the cap cannot be kept");
                    return;
                }
                catch (PrometheusException)
                {
                    // the next read may succeed
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // observation ended
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}

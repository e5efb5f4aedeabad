using DrillBot.Logging;
using DrillBot.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DrillBot.Runs;

/// <summary>Polls the store for abort requests about this process's runs (made on another replica) and aborts them.</summary>
internal sealed class AbortWatcher(
    ActiveRuns active,
    RunCoordinator coordinator,
    IDrillBotStore store,
    RunsOptions options,
    TimeProvider time,
    ILogger<AbortWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.AbortPollInterval, time, stoppingToken);
                var runs = active.All().Where(r => !r.AbortRequested).Select(r => r.RunId).ToList();
                foreach (var request in await store.Aborts.FindAsync(runs, stoppingToken))
                {
                    // a freeze records its abort requests as "frozen by @x: REASON": that is the whole reason
                    var frozen = request.RequestedBy.StartsWith("frozen by ", StringComparison.Ordinal);
                    coordinator.AbortLocal(request.RunId, request.RequestedBy, frozen ? request.RequestedBy : null);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (StoreFailure.Is(e))
            {
                ServiceLog.StoreUnavailable(logger, e, "read abort requests");
            }
        }
    }
}

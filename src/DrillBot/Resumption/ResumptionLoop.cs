using DrillBot.Logging;
using DrillBot.Runs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DrillBot.Resumption;

/// <summary>Resumption at start (with the scan for orphaned objects), then every <see cref="ResumptionOptions.ResumptionInterval"/>.</summary>
internal sealed class ResumptionLoop(ResumptionService resumption, ResumptionOptions options, TimeProvider time, ILogger<ResumptionLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastOrphanScan = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var scanOrphans = time.GetUtcNow() - lastOrphanScan >= options.OrphanScanInterval;
                if (await resumption.RunPassAsync(scanOrphans, stoppingToken) && scanOrphans)
                {
                    lastOrphanScan = time.GetUtcNow();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // resumption must keep trying: a failing pass (store, cluster) is logged and retried
            catch (Exception e)
#pragma warning restore CA1031
            {
                ServiceLog.ResumptionPassFailed(logger, e, StoreFailure.Is(e) ? "the store" : "a cluster or the engine");
            }

            try
            {
                await Task.Delay(options.ResumptionInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

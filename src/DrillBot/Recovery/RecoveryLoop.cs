using DrillBot.Hosting;
using DrillBot.Logging;
using DrillBot.Runs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DrillBot.Recovery;

/// <summary>Recovery at start (with the scan for orphaned objects), then every <see cref="ServiceHostOptions.RecoveryInterval"/>.</summary>
internal sealed class RecoveryLoop(RecoveryService recovery, ServiceHostOptions options, TimeProvider time, ILogger<RecoveryLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastOrphanScan = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var scanOrphans = time.GetUtcNow() - lastOrphanScan >= options.OrphanScanInterval;
                if (await recovery.RunPassAsync(scanOrphans, stoppingToken) && scanOrphans)
                {
                    lastOrphanScan = time.GetUtcNow();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // recovery must keep trying: a failing pass (store, cluster) is logged and retried
            catch (Exception e)
#pragma warning restore CA1031
            {
                ServiceLog.RecoveryPassFailed(logger, e, StoreFailure.Is(e) ? "the store" : "a cluster or the engine");
            }

            try
            {
                await Task.Delay(options.RecoveryInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

using DrillBot.Logging;
using DrillBot.Runs;
using DrillBot.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DrillBot.Resumption;

/// <summary>
/// This replica's liveness in the store: the lease <c>instance/{id}</c>, taken at start and renewed
/// every third of its TTL. Another replica treats the runs of an instance whose lease expired as
/// interrupted. Also forgets expired Slack delivery keys now and then.
/// </summary>
internal sealed class InstanceLiveness(IDrillBotStore store, ResumptionOptions options, TimeProvider time, ILogger<InstanceLiveness> logger) : BackgroundService
{
    private static readonly TimeSpan DedupeCleanup = TimeSpan.FromMinutes(10);

    public static string LeaseName(string instanceId) => "instance/" + instanceId;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.Leases.TryAcquireAsync(LeaseName(options.InstanceId), options.InstanceId, options.InstanceLeaseTtl, cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await store.Leases.ReleaseAsync(LeaseName(options.InstanceId), options.InstanceId, cancellationToken);
        }
        catch (Exception e) when (StoreFailure.Is(e))
        {
            ServiceLog.StoreUnavailable(logger, e, "release the instance lease");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var cleaned = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.InstanceLeaseTtl / 3, time, stoppingToken);
                // TryAcquire extends a lease we hold and takes it back if it lapsed (e.g. a long GC pause)
                await store.Leases.TryAcquireAsync(LeaseName(options.InstanceId), options.InstanceId, options.InstanceLeaseTtl, stoppingToken);
                if (time.GetUtcNow() - cleaned > DedupeCleanup)
                {
                    cleaned = time.GetUtcNow();
                    await store.Dedupe.ForgetExpiredAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (StoreFailure.Is(e))
            {
                ServiceLog.StoreUnavailable(logger, e, "renew the instance lease");
            }
        }
    }
}

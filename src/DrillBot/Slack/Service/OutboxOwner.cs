using DrillBot.Logging;
using DrillBot.Runs;
using DrillBot.Slack.Outbox;
using DrillBot.Store;
using DrillBot.Store.Ownership;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DrillBot.Slack.Service;

/// <summary>
/// Runs the Slack outbox dispatcher on one replica only: while this replica holds the store lease
/// <c>outbox</c> (renewed every third of its TTL) a dispatcher delivers; when the lease is lost the
/// dispatcher stops, and another replica takes over once the lease expires. Released on shutdown.
/// </summary>
internal sealed class OutboxOwner(IServiceProvider services, IDrillBotStore store, SlackServiceOptions options, TimeProvider time, ILogger<OutboxOwner> logger) : BackgroundService
{
    private volatile bool owner;

    /// <summary>True while this replica delivers the outbox.</summary>
    public bool IsOwner => owner;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lease = new SingleOwnerLease(store, "outbox", options.InstanceId, options.WorkLeaseTtl);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await lease.TryAcquireAsync(stoppingToken))
                {
                    await DeliverWhileHeldAsync(lease, stoppingToken);
                }

                await Task.Delay(lease.RenewEvery, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (StoreFailure.Is(e))
            {
                ServiceLog.StoreUnavailable(logger, e, "hold the outbox lease");
                await Task.Delay(lease.RenewEvery, time, CancellationToken.None);
            }
        }

        try
        {
            await lease.ReleaseAsync(CancellationToken.None);
        }
        catch (Exception e) when (StoreFailure.Is(e))
        {
            ServiceLog.StoreUnavailable(logger, e, "release the outbox lease");
        }
    }

    private async Task DeliverWhileHeldAsync(SingleOwnerLease lease, CancellationToken stoppingToken)
    {
        using var dispatcher = ActivatorUtilities.CreateInstance<SlackOutboxDispatcher>(services);
        await dispatcher.StartAsync(stoppingToken);
        owner = true;
        ServiceLog.OutboxOwned(logger, options.InstanceId);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(lease.RenewEvery, time, stoppingToken);
                if (!await lease.RenewAsync(stoppingToken))
                {
                    ServiceLog.OutboxLost(logger, options.InstanceId);
                    return;
                }
            }
        }
        finally
        {
            owner = false;
            await dispatcher.StopAsync(CancellationToken.None);
        }
    }
}

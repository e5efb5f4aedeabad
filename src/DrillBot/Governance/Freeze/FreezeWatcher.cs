using DrillBot.Logging;
using DrillBot.Metrics;
using DrillBot.Runs;
using DrillBot.Store;
using DrillBot.Store.Freeze;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DrillBot.Governance.Freeze;

/// <summary>
/// Reads the freeze every <see cref="RunsOptions.AbortPollInterval"/>: keeps <c>drillbot_frozen</c> true to the store
/// on this replica, and while frozen aborts any run of this replica that is still going (a freeze made on another
/// replica, by <c>drillbot freeze</c>, or a run that started in the instant before it).
/// </summary>
internal sealed class FreezeWatcher(
    IDrillBotStore store,
    FreezeService freeze,
    DrillMetrics metrics,
    IEnumerable<IFreezeNotifier> notifiers,
    RunsOptions options,
    TimeProvider time,
    ILogger<FreezeWatcher> logger) : BackgroundService
{
    private FreezeState? last;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var state = await store.Freeze.GetAsync(stoppingToken);
                metrics.Frozen(state.Frozen);
                if (state.Frozen)
                {
                    freeze.StopLocalRuns(state);
                }

                await AnnounceChangeAsync(state, stoppingToken);

                await Task.Delay(options.AbortPollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (StoreFailure.Is(e))
            {
                ServiceLog.StoreUnavailable(logger, e, "read the freeze");
                await PauseAsync(stoppingToken);
            }
        }
    }

    /// <summary>
    /// A change seen here that another replica or <c>drillbot freeze</c> made is announced too: the notifiers key each
    /// announcement by the moment of the change, so every replica announcing it posts it once.
    /// </summary>
    private async Task AnnounceChangeAsync(FreezeState state, CancellationToken cancellationToken)
    {
        var previous = last;
        last = state;
        if (previous is null || (previous.Frozen == state.Frozen && previous.Since == state.Since))
        {
            return;
        }

        foreach (var notifier in notifiers)
        {
            await (state.Frozen ? notifier.FrozenAsync(state, [], cancellationToken) : notifier.UnfrozenAsync(state, cancellationToken));
        }
    }

    private async Task PauseAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(options.AbortPollInterval, time, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }
}

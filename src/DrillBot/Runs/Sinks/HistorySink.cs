using DrillBot.Drills.Running.Events;
using DrillBot.Logging;
using DrillBot.Store;
using DrillBot.Store.Runs;
using Microsoft.Extensions.Logging;

namespace DrillBot.Runs.Sinks;

/// <summary>
/// Records the end of a run in the store (status, verdict, restore, summary, the report JSON). The
/// start was recorded by the coordinator before the engine began. A failing store is retried a few
/// times; if it stays down the run stays "running" in the history and the recovery pass finishes it.
/// </summary>
internal sealed class HistorySink(IDrillBotStore store, TimeProvider time, ILogger logger) : IRunSink
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)];

    public async Task HandleAsync(DrillEvent drillEvent, CancellationToken cancellationToken)
    {
        if (drillEvent is not RunFinished finished)
        {
            return;
        }

        var outcome = RunOutcome.Of(finished.Report);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await store.Runs.FinishAsync(finished.RunId, outcome, cancellationToken);
                return;
            }
            catch (Exception e) when (StoreFailure.Is(e) && attempt < Backoff.Length)
            {
                ServiceLog.HistoryRetry(logger, e, finished.RunId, attempt + 1);
                await Task.Delay(Backoff[attempt], time, cancellationToken);
            }
        }
    }
}

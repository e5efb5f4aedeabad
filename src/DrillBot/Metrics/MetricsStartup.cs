using DrillBot.Configuration;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Running;
using DrillBot.Logging;
using DrillBot.Runs;
using DrillBot.Store.Runs;
using DrillBot.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DrillBot.Metrics;

/// <summary>
/// Declares every configured drill's series (zeros, not gaps) at start and on reload, and restores
/// the last-run gauges from the history at start so alerts on them survive a restart.
/// </summary>
internal sealed class MetricsStartup(DrillMetrics metrics, DrillsConfigState config, IDrillBotStore store, ILogger<MetricsStartup> logger, TimeProvider? time = null) : IHostedService, IConfigChangeListener
{
    private const int HistoryDepth = 500;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Declare(config.Current);
        foreach (var drill in config.Current.Drills)
        {
            try
            {
                var runs = (await store.Runs.ListLatestAsync(HistoryDepth, drill.Name, cancellationToken)).Where(r => r.FinishedAt is not null && r.Verdict is not null).ToList();
                var last = runs.MaxBy(r => r.FinishedAt);
                var success = runs.Where(r => r.Verdict == Verdict.Passed).MaxBy(r => r.FinishedAt);
                metrics.RestoreLast(drill.Name, last?.FinishedAt, last is null ? null : last.Verdict == Verdict.Passed, success?.FinishedAt);
            }
            catch (Exception e) when (StoreFailure.Is(e))
            {
                ServiceLog.StoreUnavailable(logger, e, "read the last runs for the metrics");
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task OnConfigChangedAsync(DrillsConfig changed, CancellationToken cancellationToken)
    {
        Declare(changed);
        return Task.CompletedTask;
    }

    private void Declare(DrillsConfig current)
    {
        foreach (var drill in current.Drills)
        {
            var classes = drill.Probe.Classify.Select(c => c.Class).Append("error").Distinct(StringComparer.Ordinal);
            metrics.Declare(drill.Name, classes, drill.Expect.Recovery?.Within);
            metrics.SchedulePeriod(drill.Name, SchedulePeriod.Of(drill, (time ?? TimeProvider.System).GetUtcNow()));
        }
    }
}

using DrillBot.Drills.Definitions;
using DrillBot.Drills.Running;
using DrillBot.Logging;
using DrillBot.Metrics;
using DrillBot.Runs.Sinks;
using DrillBot.Store;
using Microsoft.Extensions.Logging;

namespace DrillBot.Runs;

/// <summary>
/// Starts an accepted run on the engine with the service's observers (metrics, log, live recovery
/// watch; history and every <see cref="IRunSinkSource"/>'s sink, e.g. Slack, through the run's event pump) inside a logger scope carrying
/// <c>runId</c> and <c>drill</c>, and tidies up when it is over.
/// </summary>
internal sealed class RunLauncher(
    DrillEngine engine,
    IDrillBotStore store,
    DrillMetrics metrics,
    ActiveRuns active,
    TimeProvider time,
    ILoggerFactory loggers,
    IEnumerable<IRunSinkSource> sinkSources)
{
    private readonly ILogger logger = loggers.CreateLogger("DrillBot.Runs");

    /// <summary>
    /// Starts the run on a fresh execution context: the run's log lines carry its own scope (runId,
    /// drill), not the scopes of the HTTP request or Quartz job that asked for it.
    /// </summary>
    public Task<ActiveRun> LaunchAsync(DrillsConfig config, DrillDefinition drill, RunRequest request, IReadOnlySet<string> targets, string runId)
    {
        using (ExecutionContext.SuppressFlow())
        {
            return Task.Run(() => Launch(config, drill, request, targets, runId));
        }
    }

    private ActiveRun Launch(DrillsConfig config, DrillDefinition drill, RunRequest request, IReadOnlySet<string> targets, string runId)
    {
        if (request.Control && drill.Control is null)
        {
            drill = drill with { Control = ControlDefinition.DefaultFor(drill) };
        }

        using var scope = logger.BeginScope(new RunLogScope(runId, drill.Name));
        // the history's finish comes last: once a run reads as finished, its audit events and Slack messages are recorded too
        var sinks = sinkSources.Select(source => source.Create(drill, request, runId)).ToList();
        sinks.Add(new HistorySink(store, time, logger));

        var quick = new List<IDrillObserver> { new MetricsObserver(metrics), new RunLogObserver(logger) };
        RunEventPump? pump = null;
        if (drill.ProbeViews()[0] is { Drill.Expect.Recovery: { } recovery } primary)
        {
            quick.Add(new RecoveryWatch(recovery, e => pump?.Post(e), primary.Name));
        }

        pump = new RunEventPump(sinks, quick, logger);
        var run = engine.Start(config, drill, request.Trigger, [pump], runId);
        var started = new ActiveRun(drill, request, targets, run, pump, time);
        active.Attach(started);
        _ = FollowAsync(started);
        return started;
    }

    private async Task FollowAsync(ActiveRun run)
    {
        try
        {
            await run.Run.Completion;
            await run.Pump.CompleteAsync();
        }
        finally
        {
            active.Remove(run.RunId);
            run.MarkDone();
        }
    }
}

using DrillBot.Drills.Scheduling;
using DrillBot.Drills.Running;
using DrillBot.Hosting;
using DrillBot.Logging;
using DrillBot.Store;
using DrillBot.Store.Runs;
using Microsoft.Extensions.Logging;

namespace DrillBot.Runs;

/// <summary>
/// The one way runs start and stop, for Slack, the API and the scheduler alike: unknown drill,
/// blackout (manual runs too), busy target (this process, other replicas, the cluster Lease) are
/// refused; an accepted run is recorded in the history before the engine starts it. Aborts work for
/// runs of any replica (through the store's abort requests).
/// </summary>
internal sealed class RunCoordinator(
    DrillsConfigState configState,
    DrillEngine engine,
    IDrillBotStore store,
    ActiveRuns active,
    BusyCheck busy,
    RunLauncher launcher,
    ServiceSettings settings,
    TimeProvider time,
    ILogger<RunCoordinator> logger)
{
    private volatile bool stopping;

    /// <summary>Refuses new runs from now on (shutdown).</summary>
    public void StopAccepting() => stopping = true;

    public async Task<StartOutcome> StartAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var config = configState.Current;
        if (config.FindDrill(request.Drill) is not { } drill)
        {
            return new StartOutcome.UnknownDrill(request.Drill, config.Drills.Select(d => d.Name).ToList());
        }

        var now = time.GetUtcNow();
        if (ActiveBlackout.At(config.Blackouts, now) is { } blackout)
        {
            ServiceLog.RunRefused(logger, drill.Name, request.Trigger.Kind, $"blackout {blackout.Window.Name}");
            return new StartOutcome.Blackout(blackout.Window.Name, blackout.Until);
        }

        if (request.DryRun)
        {
            return new StartOutcome.Planned(await engine.PlanAsync(config, drill, cancellationToken));
        }

        if (stopping)
        {
            return new StartOutcome.Refused("DrillBot is shutting down; try again in a moment.");
        }

        var targets = ClusterTargets.Of(config, drill);
        var runId = engine.NewRunId();
        if (active.TryReserve(runId, drill.Name, targets) is { } holder)
        {
            ServiceLog.RunRefused(logger, drill.Name, request.Trigger.Kind, $"busy with run {holder.RunId} of {holder.Drill}");
            return new StartOutcome.Busy(holder.Drill, holder.RunId, $"run {holder.RunId} of {holder.Drill} holds a target cluster");
        }

        var launched = false;
        try
        {
            if (await busy.FindHolderAsync(config, drill, targets, cancellationToken) is { } elsewhere)
            {
                ServiceLog.RunRefused(logger, drill.Name, request.Trigger.Kind, elsewhere.Detail);
                return elsewhere;
            }

            // Checked again as one step with recording the run: another replica asked at the same instant loses here.
            var record = new RunStart(runId, drill.Name, request.Trigger, time.GetUtcNow(), settings.InstanceId);
            var recorded = await store.Runs.StartUnlessBusyAsync(record, other => busy.HoldsATarget(config, other, targets), cancellationToken);
            if (recorded.BusyWith is { } other)
            {
                var refused = BusyCheck.Busy(other);
                ServiceLog.RunRefused(logger, drill.Name, request.Trigger.Kind, refused.Detail);
                return refused;
            }

            if (!recorded.Started)
            {
                return new StartOutcome.Refused($"run id {runId} exists already; try again.");
            }

            await launcher.LaunchAsync(config, drill, request, targets, runId);
            launched = true;
            return new StartOutcome.Started(runId, drill.Name);
        }
        catch (Exception e) when (StoreFailure.Is(e))
        {
            ServiceLog.StoreUnavailable(logger, e, "start a run");
            return new StartOutcome.Refused("the run history store is unavailable, so no drill can start (its journal lives there); see the log.");
        }
        finally
        {
            if (!launched)
            {
                active.Remove(runId);
            }
        }
    }

    /// <summary>Aborts <paramref name="runId"/>, or the only running run when null.</summary>
    public async Task<AbortOutcome> AbortAsync(string? runId, string by, CancellationToken cancellationToken)
    {
        if (runId is null)
        {
            var running = active.All().Select(r => r.RunId)
                .Union((await store.Runs.ListRunningAsync(cancellationToken)).Select(r => r.RunId), StringComparer.Ordinal)
                .ToList();
            if (running.Count != 1)
            {
                return running.Count == 0 ? new AbortOutcome.NothingRunning() : new AbortOutcome.Ambiguous(running);
            }

            runId = running[0];
        }

        if (active.Get(runId) is { } local)
        {
            ServiceLog.AbortRequested(logger, runId, by, "here");
            return local.Abort(by) ? new AbortOutcome.Aborting(runId, local.Drill.Name, Remote: false) : await FinishedAsync(runId, cancellationToken);
        }

        var stored = await store.Runs.GetAsync(runId, cancellationToken);
        if (stored is null)
        {
            return new AbortOutcome.NotFound(runId);
        }

        if (stored.Run.Status != RunStatus.Running)
        {
            return Finished(stored.Run);
        }

        await store.Aborts.RequestAsync(runId, by, cancellationToken);
        ServiceLog.AbortRequested(logger, runId, by, stored.Run.OwnerInstance);
        return new AbortOutcome.Aborting(runId, stored.Run.Drill, Remote: true);
    }

    /// <summary>Aborts a run of this process (an abort request found in the store, or shutdown).</summary>
    public bool AbortLocal(string runId, string by) => active.Get(runId)?.Abort(by) ?? false;

    /// <summary>Aborts every run of this process and waits (up to <paramref name="grace"/>) until each is done (restored, recorded); returns the runs aborted.</summary>
    public async Task<IReadOnlyList<ActiveRun>> AbortAllAsync(string by, TimeSpan grace)
    {
        var runs = active.All();
        foreach (var run in runs)
        {
            run.Abort(by);
        }

        await Task.WhenAny(Task.WhenAll(runs.Select(r => r.Done)), Task.Delay(grace, time));
        return runs;
    }

    private async Task<AbortOutcome> FinishedAsync(string runId, CancellationToken cancellationToken) =>
        await store.Runs.GetAsync(runId, cancellationToken) is { } record ? Finished(record.Run) : new AbortOutcome.NotFound(runId);

    private static AbortOutcome Finished(RunSummary run) =>
        new AbortOutcome.AlreadyFinished(run.RunId, run.Drill, run.Verdict is { } verdict ? verdict.WireName() : run.Status.WireName());
}

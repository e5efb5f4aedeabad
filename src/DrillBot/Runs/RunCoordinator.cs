using DrillBot.Configuration;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Running;
using DrillBot.Drills.Scheduling;
using DrillBot.Governance.Approvals;
using DrillBot.Governance.Audit;
using DrillBot.Logging;
using DrillBot.Store;
using DrillBot.Store.Runs;
using Microsoft.Extensions.Logging;

namespace DrillBot.Runs;

/// <summary>
/// The one way runs start and stop, for Slack, the API and the scheduler alike: every request is audited first; then
/// unknown drill, a freeze, a blackout (manual runs too; for a scheduled fire at its fire time as well), a missing approval, a busy target (this process, other
/// replicas, the cluster Lease) are refused; an accepted run is recorded in the history before the engine starts it.
/// Aborts work for runs of any replica (through the store's abort requests).
/// </summary>
internal sealed class RunCoordinator(
    DrillsConfigState configState,
    DrillEngine engine,
    IDrillBotStore store,
    ActiveRuns active,
    BusyCheck busy,
    RunLauncher launcher,
    ApprovalGate approvals,
    RunAudit audit,
    RunsOptions options,
    TimeProvider time,
    DrillBot.Metrics.DrillMetrics metrics,
    ILogger<RunCoordinator> logger)
{
    private volatile bool stopping;

    /// <summary>Refuses new runs from now on (shutdown).</summary>
    public void StopAccepting() => stopping = true;

    public async Task<StartOutcome> StartAsync(RunRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await audit.RequestedAsync(request, cancellationToken);
        }
        catch (Exception e) when (StoreFailure.Is(e))
        {
            ServiceLog.StoreUnavailable(logger, e, "audit a run request");
            return new StartOutcome.Refused("the store is unavailable, so no drill can start (its journal and audit log live there); see the log.");
        }

        var outcome = await StartAuditedAsync(request, cancellationToken);
        if (outcome is not (StartOutcome.Started or StartOutcome.Planned))
        {
            await audit.RefusedAsync(request, outcome);
        }

        return outcome;
    }

    private async Task<StartOutcome> StartAuditedAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var config = configState.Current;
        if (config.FindDrill(request.Drill) is not { } drill)
        {
            return new StartOutcome.UnknownDrill(request.Drill, config.Drills.Select(d => d.Name).ToList());
        }

        if (!request.DryRun && await FrozenAsync(drill, request, cancellationToken) is { } frozen)
        {
            return frozen;
        }

        var now = time.GetUtcNow();
        var blackoutNow = ActiveBlackout.At(config.Blackouts, now);
        var overridden = blackoutNow?.Window;
        if (blackoutNow is null && request.ScheduledAt is { } due && ActiveBlackout.At(config.Blackouts, due) is { } atFire)
        {
            // a fire due inside a blackout, handed over after it ended: refused all the same
            ServiceLog.RunRefused(logger, drill.Name, request.Trigger.Kind, $"blackout {atFire.Window.Name} at the fire time");
            return new StartOutcome.Blackout(atFire.Window.Name, atFire.Until) { UntilText = BlackoutRefusal.Until(atFire.Window, due, drill.TimeZone) };
        }

        if (blackoutNow is not null && !Overrides(request.Trigger))
        {
            ServiceLog.RunRefused(logger, drill.Name, request.Trigger.Kind, $"blackout {blackoutNow.Window.Name}");
            return new StartOutcome.Blackout(blackoutNow.Window.Name, blackoutNow.Until) { UntilText = BlackoutRefusal.Until(blackoutNow.Window, now, drill.TimeZone) };
        }

        if (request.DryRun)
        {
            return new StartOutcome.Planned(await engine.PlanAsync(config, drill, cancellationToken));
        }

        if (stopping)
        {
            return new StartOutcome.Refused("DrillBot is shutting down; try again in a moment.");
        }

        if (await approvals.CheckAsync(drill, request, cancellationToken) is { } unapproved)
        {
            ServiceLog.RunRefused(logger, drill.Name, request.Trigger.Kind, unapproved.Reason);
            return unapproved;
        }

        return await LaunchAsync(config, drill, request, overridden, cancellationToken);
    }

    private async Task<StartOutcome> LaunchAsync(DrillsConfig config, DrillDefinition drill, RunRequest request, BlackoutDefinition? overridden, CancellationToken cancellationToken)
    {
        var targets = ClusterTargets.Of(config, drill);
        var runId = engine.NewRunId();
        if (active.TryReserve(runId, drill.Name, targets) is { } holder)
        {
            ServiceLog.RunRefused(logger, drill.Name, request.Trigger.Kind, $"busy with run {holder.RunId} of {holder.Drill}");
            return new StartOutcome.Busy(holder.Drill, holder.RunId, $"run {holder.RunId} of {holder.Drill} holds a target cluster");
        }

        var launched = false;
        var consumed = false;
        try
        {
            if (request.ApprovalId is { } approvalId)
            {
                consumed = await approvals.ConsumeAsync(approvalId, runId, cancellationToken);
                if (!consumed)
                {
                    return new StartOutcome.NeedsApproval(drill.Name, $"approval {approvalId} was used or expired a moment ago; ask for a new one");
                }
            }

            if (await busy.FindHolderAsync(config, drill, targets, cancellationToken) is { } elsewhere)
            {
                ServiceLog.RunRefused(logger, drill.Name, request.Trigger.Kind, elsewhere.Detail);
                return elsewhere;
            }

            // Checked again as one step with recording the run: another replica asked at the same instant, or a freeze, wins here.
            var record = new RunStart(runId, drill.Name, request.Trigger, time.GetUtcNow(), options.InstanceId) { OverrideBlackout = overridden?.Name, ApprovalId = request.ApprovalId };
            var recorded = await store.Runs.StartUnlessBusyAsync(record, other => busy.HoldsATarget(config, other, targets), cancellationToken);
            if (recorded.FrozenBy is { } frozen)
            {
                return new StartOutcome.Frozen(frozen.By ?? "?", frozen.Reason ?? "", frozen.Since);
            }

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

            await launcher.LaunchAsync(config, drill, request with { OverriddenBlackout = overridden?.Name }, targets, runId);
            launched = true;
            if (overridden is not null)
            {
                ServiceLog.BlackoutOverridden(logger, runId, drill.Name, overridden.Name, request.Trigger.By, request.Trigger.OverrideBlackoutReason!);
                metrics.BlackoutOverridden(drill.Name);
            }

            await audit.StartedAsync(drill, request, runId, overridden);
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
                if (consumed)
                {
                    await ReleaseQuietlyAsync(request.ApprovalId!, runId);
                }
            }
        }
    }

    private async Task<StartOutcome.Frozen?> FrozenAsync(DrillDefinition drill, RunRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var state = await store.Freeze.GetAsync(cancellationToken);
            if (!state.Frozen)
            {
                return null;
            }

            ServiceLog.RunRefused(logger, drill.Name, request.Trigger.Kind, state.Describe());
            return new StartOutcome.Frozen(state.By ?? "?", state.Reason ?? "", state.Since);
        }
        catch (Exception e) when (StoreFailure.Is(e))
        {
            ServiceLog.StoreUnavailable(logger, e, "read the freeze");
            return new StartOutcome.Frozen("?", "the store is unavailable, so the freeze cannot be checked", null);
        }
    }

    private async Task ReleaseQuietlyAsync(string approvalId, string runId)
    {
        try
        {
            await approvals.ReleaseAsync(approvalId, runId, CancellationToken.None);
        }
        catch (Exception e) when (StoreFailure.Is(e))
        {
            ServiceLog.StoreUnavailable(logger, e, "give an approval back");
        }
    }

    /// <summary>A person's override with a reason; a scheduled fire never overrides a blackout.</summary>
    private static bool Overrides(RunTrigger trigger) =>
        trigger.Kind != TriggerKind.Schedule && !string.IsNullOrWhiteSpace(trigger.OverrideBlackoutReason);

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

    /// <summary>Aborts a run of this process (an abort request found in the store, a freeze, or shutdown).</summary>
    public bool AbortLocal(string runId, string by, string? reason = null) => active.Get(runId)?.Abort(by, reason) ?? false;

    /// <summary>Aborts every run of this process and waits (up to <paramref name="grace"/>) until each is done (restored, recorded); returns the runs aborted.</summary>
    public async Task<IReadOnlyList<ActiveRun>> AbortAllAsync(string by, TimeSpan grace, string? reason = null)
    {
        var runs = active.All();
        foreach (var run in runs)
        {
            run.Abort(by, reason);
        }

        await Task.WhenAny(Task.WhenAll(runs.Select(r => r.Done)), Task.Delay(grace, time));
        return runs;
    }

    private async Task<AbortOutcome> FinishedAsync(string runId, CancellationToken cancellationToken) =>
        await store.Runs.GetAsync(runId, cancellationToken) is { } record ? Finished(record.Run) : new AbortOutcome.NotFound(runId);

    private static AbortOutcome Finished(RunSummary run) =>
        new AbortOutcome.AlreadyFinished(run.RunId, run.Drill, run.Verdict is { } verdict ? verdict.WireName() : run.Status.WireName());
}

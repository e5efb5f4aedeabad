using System.Text.Json.Nodes;
using DrillBot.Governance.Audit;
using DrillBot.Logging;
using DrillBot.Metrics;
using DrillBot.Runs;
using DrillBot.Store;
using DrillBot.Store.Freeze;
using Microsoft.Extensions.Logging;

namespace DrillBot.Governance.Freeze;

/// <summary>
/// The one big red stop (docs/service.md, "Freeze"), for Slack, the API and (through the store) the CLI alike: freezing
/// records the freeze and an abort request for every running run of every replica in one step with run starts, audits
/// it, aborts this replica's runs at once (each restores and reports <c>aborted: frozen by @x: REASON</c>) and tells
/// Slack; the other replicas see it within their poll (<see cref="FreezeWatcher"/>). Lifting it audits and tells too.
/// </summary>
internal sealed class FreezeService(
    IDrillBotStore store,
    RunCoordinator coordinator,
    ActiveRuns active,
    DrillMetrics metrics,
    IEnumerable<IFreezeNotifier> notifiers,
    ILogger<FreezeService> logger)
{
    public Task<FreezeState> GetAsync(CancellationToken cancellationToken) => store.Freeze.GetAsync(cancellationToken);

    /// <summary>Freezes (a no-op, returned unchanged, when frozen already). <paramref name="reason"/> must not be blank.</summary>
    public async Task<FreezeChange> FreezeAsync(string by, string source, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var entry = AuditLog.Entry(by, source, AuditActions.Freeze, new JsonObject { ["reason"] = reason });
        var change = await store.Freeze.FreezeAsync(by, source, reason.Trim(), entry, cancellationToken);
        metrics.Frozen(change.State.Frozen);
        if (!change.Changed)
        {
            return change;
        }

        ServiceLog.Frozen(logger, by, source, change.State.Reason ?? reason, change.Running.Count);
        StopLocalRuns(change.State);
        foreach (var notifier in notifiers)
        {
            await notifier.FrozenAsync(change.State, change.Running, cancellationToken);
        }

        return change;
    }

    public async Task<FreezeChange> UnfreezeAsync(string by, string source, CancellationToken cancellationToken)
    {
        var entry = AuditLog.Entry(by, source, AuditActions.Unfreeze, []);
        var change = await store.Freeze.UnfreezeAsync(by, entry, cancellationToken);
        metrics.Frozen(change.State.Frozen);
        if (change.Changed)
        {
            ServiceLog.Unfrozen(logger, by, source);
            foreach (var notifier in notifiers)
            {
                await notifier.UnfrozenAsync(change.State, cancellationToken);
            }
        }

        return change;
    }

    /// <summary>Aborts every run of this replica not yet aborting, with the freeze as its reason.</summary>
    public void StopLocalRuns(FreezeState state)
    {
        foreach (var run in active.All().Where(r => !r.AbortRequested))
        {
            if (coordinator.AbortLocal(run.RunId, state.By ?? "?", state.Describe()))
            {
                ServiceLog.FrozenRunAborted(logger, run.RunId, run.Drill.Name, state.Describe());
            }
        }
    }
}

using DrillBot.Drills.Definitions;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using DrillBot.Resumption;
using DrillBot.Runs;
using DrillBot.Store;
using DrillBot.Store.Runs;

namespace DrillBot.Cli;

/// <summary>
/// <c>drillbot restore</c> with <c>DRILLBOT_DB</c> set: also finishes the service's journal (in its
/// store) for runs whose owner is gone (no live instance lease, drill Lease no longer renewed), and
/// records them in the history as restored after an interruption — what a starting <c>serve</c> does.
/// </summary>
internal static class StoreJournalRestore
{
    public sealed record Outcome(IReadOnlyList<ResumedRun> Runs, IReadOnlyList<string> Pending);

    /// <summary>Null when DRILLBOT_DB is not set (nothing to do).</summary>
    /// <exception cref="StoreException">DRILLBOT_DB is unusable or the database cannot be opened.</exception>
    public static async Task<Outcome?> RunAsync(CliEnvironment env, DrillsConfig config, DrillEngine engine, CancellationToken cancellationToken)
    {
        var value = env.Variables(StoreLocation.VariableName);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        await using var store = await StoreFactory.OpenAsync(StoreLocation.Parse(value), TimeProvider.System, null, cancellationToken);
        var service = new DrillEngine(engine.Options with { Journal = store.Journal }).CreateRestoreService(config);
        var now = TimeProvider.System.GetUtcNow();
        var alive = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in await store.Journal.GetUnfinishedRunsAsync(cancellationToken))
        {
            var owner = await store.Leases.GetAsync(InstanceLiveness.LeaseName(run.Run.Owner), cancellationToken);
            if ((owner is not null && owner.ExpiresAt > now) || await service.IsRunAliveAsync(run.Run.RunId, run.Entries.Select(e => e.Entry.Target.Cluster), cancellationToken))
            {
                alive.Add(run.Run.RunId);
            }
        }

        var resumed = await service.RestoreUnfinishedAsync(r => alive.Contains(r.RunId), cancellationToken);
        foreach (var run in resumed)
        {
            await RecordAsync(store, config, run, cancellationToken);
        }

        return new Outcome(resumed, [.. alive]);
    }

    private static async Task RecordAsync(IDrillBotStore store, DrillsConfig config, ResumedRun run, CancellationToken cancellationToken)
    {
        var record = await store.Runs.GetAsync(run.Run.RunId, cancellationToken);
        if (record?.Run.Status == RunStatus.Running)
        {
            await store.Runs.MarkInterruptedAsync(run.Run.RunId, cancellationToken);
        }

        if (run.Restore.Status == RestoreStatus.Failed)
        {
            return;
        }

        var report = ResumedReport.Build(run.Run.RunId, run.Run.Drill, run.Run.Owner, record, run.Run.StartedAt, run.Restore, $"drillbot restore ({Environment.MachineName})", config);
        await store.Runs.FinishAsync(run.Run.RunId, RunOutcome.AfterInterruption(report), cancellationToken);
    }
}

using DrillBot.Drills.Definitions;
using DrillBot.Drills.Running;
using DrillBot.Store;
using DrillBot.Store.Runs;

namespace DrillBot.Runs;

/// <summary>
/// Finds who else holds a drill's targets beyond this process: a run of another replica (the store's
/// running runs), or anyone holding the drill Lease in a target cluster (another installation, a CLI
/// run). Reading a lease is best effort: when the cluster does not answer in time the run's own
/// preflight decides (and takes the lease).
/// </summary>
internal sealed class BusyCheck(DrillEngine engine, IDrillBotStore store, ActiveRuns active, TimeProvider time)
{
    private static readonly TimeSpan LeaseReadBudget = TimeSpan.FromSeconds(3);

    public async Task<StartOutcome.Busy?> FindHolderAsync(DrillsConfig config, DrillDefinition drill, IReadOnlySet<string> targets, CancellationToken cancellationToken)
    {
        foreach (var run in await store.Runs.ListRunningAsync(cancellationToken))
        {
            if (HoldsATarget(config, run, targets))
            {
                return Busy(run);
            }
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(LeaseReadBudget);
        try
        {
            return await FindLeaseHolderAsync(config, drill, budget.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="run"/>, a running run of another replica, touches one of <paramref name="targets"/> (or its drill is no longer configured).</summary>
    public bool HoldsATarget(DrillsConfig config, RunSummary run, IReadOnlySet<string> targets)
    {
        if (active.Contains(run.RunId))
        {
            return false;
        }

        var theirs = ClusterTargets.Of(config, run.Drill);
        return theirs.Count == 0 || theirs.Overlaps(targets);
    }

    public static StartOutcome.Busy Busy(RunSummary run) =>
        new(run.Drill, run.RunId, $"run {run.RunId} of {run.Drill} on instance {run.OwnerInstance} (started {run.StartedAt:u}) holds a target cluster");

    private async Task<StartOutcome.Busy?> FindLeaseHolderAsync(DrillsConfig config, DrillDefinition drill, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var name in drill.TouchedClusters)
        {
            if (!config.Clusters.TryGetValue(name, out var definition) || engine.Options.Clusters.Create(definition) is not { Ok: true } client)
            {
                continue;
            }

            var lease = await client.Value!.GetLeaseAsync(drill.Namespace, engine.Options.Lock.LeaseName, cancellationToken);
            if (lease.Value is { } held && !held.IsFree(now) && HolderRun(held.Holder) is var runId && (runId is null || !active.Contains(runId)))
            {
                var known = runId is null ? null : await store.Runs.GetAsync(runId, cancellationToken);
                return new StartOutcome.Busy(
                    known?.Run.Drill ?? "another drill",
                    runId,
                    $"cluster {name} is locked by {held.Holder} (Lease {drill.Namespace}/{engine.Options.Lock.LeaseName}, renewed {Math.Max(0, (now - held.RenewTime!.Value).TotalSeconds):0.#}s ago)");
            }
        }

        return null;
    }

    /// <summary>The run id in a lease holder "{owner} run {runId}", or null.</summary>
    private static string? HolderRun(string? holder)
    {
        var at = holder?.LastIndexOf(" run ", StringComparison.Ordinal) ?? -1;
        return at < 0 ? null : holder![(at + 5)..];
    }
}

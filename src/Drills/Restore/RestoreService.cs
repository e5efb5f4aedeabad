using DrillBot.Drills.Cluster;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Locking;
using DrillBot.Drills.Running;
using DrillBot.Drills.Steps;
using Microsoft.Extensions.Logging;

namespace DrillBot.Drills.Restore;

/// <summary>
/// Finishes what interrupted runs left behind, on its own (<c>drillbot restore</c>, service start):
/// unfinished runs from the journal, and objects annotated by runs nobody knows any more. A restore takes
/// over the dead run's drill leases (holder <c>"{owner} restore {runId}"</c>) while it works and releases
/// them afterwards; a run another live process is already restoring is left to it.
/// </summary>
public sealed class RestoreService(DrillsConfig config, DrillEngineOptions options)
{
    private readonly HolderLiveness _liveness = new(options.Owner);
    private readonly ILogger _logger = options.LoggerFactory.CreateLogger("DrillBot.Drills.Restore");

    /// <summary>
    /// Restores and verifies every unfinished journal run that is not alive, then completes it in the journal
    /// (unless its restore failed). By default a run is alive while this process runs it, or, when its owner
    /// is not a dead process on this machine, while a drill lease naming it is held and not expired.
    /// </summary>
    public async Task<IReadOnlyList<ResumedRun>> RestoreUnfinishedAsync(Func<JournalRun, bool>? isAlive, CancellationToken cancellationToken)
    {
        var result = new List<ResumedRun>();
        foreach (var run in await options.Journal.GetUnfinishedRunsAsync(cancellationToken))
        {
            var clusters = ClustersOf(run);
            if (isAlive?.Invoke(run.Run) ?? await IsAliveAsync(run.Run, clusters, cancellationToken))
            {
                continue;
            }

            if (await ResumeAsync(run, clusters, cancellationToken) is { } resumed)
            {
                result.Add(resumed);
            }
        }

        return result;
    }

    /// <summary>
    /// True when a drill lease in one of <paramref name="clusters"/> names this run (held by the run, or by a
    /// restore of it) and its holder is at work: this process runs it, or the holder is not a dead process on
    /// this machine and the lease has not expired.
    /// </summary>
    public async Task<bool> IsRunAliveAsync(string runId, IEnumerable<string> clusters, CancellationToken cancellationToken)
    {
        var now = options.TimeProvider.GetUtcNow();
        foreach (var name in clusters.Distinct(StringComparer.Ordinal))
        {
            var client = Client(name);
            if (!client.Ok)
            {
                continue;
            }

            foreach (var ns in config.Drills.Select(d => d.Namespace).Append(config.Defaults.Namespace).Distinct(StringComparer.Ordinal))
            {
                var lease = await client.Value!.GetLeaseAsync(ns, options.Lock.LeaseName, cancellationToken);
                if (lease.Value is { } l && LeaseHolder.Parse(l.Holder)?.RunId == runId && _liveness.IsAtWork(l, now))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Objects named by any drill that carry the annotations of a run not in <paramref name="knownRuns"/> and not alive.</summary>
    public async Task<IReadOnlyList<OrphanedObject>> FindOrphansAsync(IReadOnlyCollection<string> knownRuns, CancellationToken cancellationToken)
    {
        var result = new List<OrphanedObject>();
        var targets = config.Drills.SelectMany(d => d.Steps).OfType<ObjectStepDefinition>().Select(ChangeBuilder.TargetOf).Distinct();
        foreach (var target in targets)
        {
            var client = Client(target.Cluster);
            var current = client.Ok ? await client.Value!.GetAsync(target, cancellationToken) : null;
            if (current?.Value is not { } obj || DrillAnnotations.RunOf(obj) is not { } runId || knownRuns.Contains(runId))
            {
                continue;
            }

            if (!await IsRunAliveAsync(runId, [target.Cluster], cancellationToken))
            {
                result.Add(new OrphanedObject(target, runId, DrillAnnotations.PriorPath.Find(obj).Value?.GetValue<string>() ?? "{}"));
            }
        }

        return result;
    }

    /// <summary>Restores orphaned objects from their <c>drillbot.io/prior</c> annotation, field by field, and verifies them (taking over their runs' leases meanwhile).</summary>
    public async Task<RestoreResult> RestoreOrphansAsync(IReadOnlyList<OrphanedObject> orphans, CancellationToken cancellationToken)
    {
        var started = options.TimeProvider.GetUtcNow();
        var items = new List<RestoreItemResult>();
        foreach (var group in orphans.GroupBy(o => o.RunId, StringComparer.Ordinal))
        {
            using var working = LocalWork.Register(LeaseHolder.ForRestore(options.Owner, group.Key));
            var clusters = group.Select(o => o.Target.Cluster).Distinct(StringComparer.Ordinal).ToList();
            await using var leases = await TakeOverLeasesAsync(group.Key, clusters, NamespaceOf(group.First().Target), cancellationToken);
            foreach (var orphan in group)
            {
                items.Add(await RestoreOrphanAsync(orphan, started, cancellationToken));
            }
        }

        return new RestoreResult(RestoreResult.StatusOf(items), items, started, options.TimeProvider.GetUtcNow());
    }

    private async Task<RestoreItemResult> RestoreOrphanAsync(OrphanedObject orphan, DateTimeOffset started, CancellationToken cancellationToken)
    {
        var client = Client(orphan.Target.Cluster);
        var current = client.Ok ? await client.Value!.GetAsync(orphan.Target, cancellationToken) : null;
        if (current?.Value is not { } obj)
        {
            return new RestoreItemResult(orphan.Target, "annotation", false, false, orphan.PriorAnnotation, "{}", null, [], client.Error?.Message ?? current?.Error?.Message ?? "object vanished");
        }

        var record = OrphanRecord.From(orphan, obj, started);
        return await ObjectRestorer.RestoreAsync(record, client.Value!, cancellationToken);
    }

    private async Task<bool> IsAliveAsync(JournalRun run, IReadOnlyList<string> clusters, CancellationToken cancellationToken)
    {
        if (run.Owner == options.Owner)
        {
            return LocalWork.Contains(LeaseHolder.ForRun(run.Owner, run.RunId));
        }

        // a dead process on this machine runs nothing, whatever its lease still says
        return LocalProcess.Check(run.Owner, run.StartedAt) != ProcessState.Dead
            && await IsRunAliveAsync(run.RunId, clusters, cancellationToken);
    }

    private async Task<ResumedRun?> ResumeAsync(UnfinishedRun run, IReadOnlyList<string> clusters, CancellationToken cancellationToken)
    {
        var runId = run.Run.RunId;
        using var working = LocalWork.Register(LeaseHolder.ForRestore(options.Owner, runId));
        await using var leases = await TakeOverLeasesAsync(runId, clusters, NamespaceOf(run.Run.Drill), cancellationToken);
        if (leases.Rival is { } rival)
        {
            Log.AlreadyBeingRestored(_logger, runId, rival.ToString());
            return null;
        }

        var runner = new RestoreRunner(options.Journal, Client, options.TimeProvider, n => options.Checkpoint?.Invoke($"recover-item:{n}") ?? ValueTask.CompletedTask);
        var restore = await runner.RestoreAsync(runId, run.Entries, null, cancellationToken);
        if (restore.Status != RestoreStatus.Failed)
        {
            await options.Journal.CompleteRunAsync(runId, "restored-after-interruption", cancellationToken);
        }

        Log.Resumed(_logger, runId, run.Run.Owner, restore.Status.ToString());
        return new ResumedRun(run.Run, restore) { Notes = leases.Notes };
    }

    private async Task<RestoreLeases> TakeOverLeasesAsync(string runId, IReadOnlyList<string> clusters, string ns, CancellationToken cancellationToken) =>
        await RestoreLeases.TakeAsync(clusters.Select(Client).Where(c => c.Ok).Select(c => c.Value!).ToList(), ns, runId, _liveness, options, _logger, cancellationToken);

    private List<string> ClustersOf(UnfinishedRun run) =>
        run.Entries.Select(e => e.Entry.Target.Cluster)
            .Concat(config.FindDrill(run.Run.Drill)?.TouchedClusters ?? [])
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private string NamespaceOf(string drill) => config.FindDrill(drill)?.Namespace ?? config.Defaults.Namespace;

    private string NamespaceOf(ObjectRef target) =>
        config.Drills.FirstOrDefault(d => d.Steps.OfType<ObjectStepDefinition>().Any(s => ChangeBuilder.TargetOf(s) == target))?.Namespace ?? config.Defaults.Namespace;

    private ClusterResult<IClusterClient> Client(string name) =>
        config.Clusters.TryGetValue(name, out var def) ? options.Clusters.Create(def)
        : ClusterResult<IClusterClient>.Failure(new ClusterError(ClusterErrorKind.Invalid, null, $"cluster {name} is not declared in drills.yaml"));
}

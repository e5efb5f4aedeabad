using DrillBot.Drills.Cluster;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Running;
using DrillBot.Drills.Steps;

namespace DrillBot.Drills.Restore;

/// <summary>
/// Finishes what interrupted runs left behind, on its own (<c>drillbot restore</c>, service start):
/// unfinished runs from the journal, and objects annotated by runs nobody knows any more.
/// </summary>
public sealed class RestoreService(DrillsConfig config, DrillEngineOptions options)
{
    /// <summary>
    /// Restores and verifies every unfinished journal run that is not alive (by default: no live lease
    /// names it), then completes it in the journal (unless its restore failed).
    /// </summary>
    public async Task<IReadOnlyList<RecoveredRun>> RestoreUnfinishedAsync(Func<JournalRun, bool>? isAlive, CancellationToken cancellationToken)
    {
        var result = new List<RecoveredRun>();
        foreach (var run in await options.Journal.GetUnfinishedRunsAsync(cancellationToken))
        {
            if (isAlive?.Invoke(run.Run) ?? await IsRunAliveAsync(run.Run.RunId, run.Entries.Select(e => e.Entry.Target.Cluster), cancellationToken))
            {
                continue;
            }

            var runner = new RestoreRunner(options.Journal, Client, options.TimeProvider);
            var restore = await runner.RestoreAsync(run.Run.RunId, run.Entries, null, cancellationToken);
            if (restore.Status != RestoreStatus.Failed)
            {
                await options.Journal.CompleteRunAsync(run.Run.RunId, "restored-after-interruption", cancellationToken);
            }

            result.Add(new RecoveredRun(run.Run, restore));
        }

        return result;
    }

    /// <summary>True when a drill lease in one of <paramref name="clusters"/> is held, unexpired, by this run.</summary>
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
                if (lease.Value is { } l && !l.IsFree(now) && l.Holder?.EndsWith($" run {runId}", StringComparison.Ordinal) == true)
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

    /// <summary>Restores orphaned objects from their <c>drillbot.io/prior</c> annotation, field by field, and verifies them.</summary>
    public async Task<RestoreResult> RestoreOrphansAsync(IReadOnlyList<OrphanedObject> orphans, CancellationToken cancellationToken)
    {
        var started = options.TimeProvider.GetUtcNow();
        var items = new List<RestoreItemResult>();
        foreach (var orphan in orphans)
        {
            var client = Client(orphan.Target.Cluster);
            var current = client.Ok ? await client.Value!.GetAsync(orphan.Target, cancellationToken) : null;
            if (current?.Value is not { } obj)
            {
                items.Add(new RestoreItemResult(orphan.Target, "annotation", false, false, orphan.PriorAnnotation, "{}", null, [], client.Error?.Message ?? current?.Error?.Message ?? "object vanished"));
                continue;
            }

            var record = OrphanRecord.From(orphan, obj, started);
            items.Add(await ObjectRestorer.RestoreAsync(record, client.Value!, cancellationToken));
        }

        return new RestoreResult(RestoreResult.StatusOf(items), items, started, options.TimeProvider.GetUtcNow());
    }

    private ClusterResult<IClusterClient> Client(string name) =>
        config.Clusters.TryGetValue(name, out var def) ? options.Clusters.Create(def)
        : ClusterResult<IClusterClient>.Failure(new ClusterError(ClusterErrorKind.Invalid, null, $"cluster {name} is not declared in drills.yaml"));
}

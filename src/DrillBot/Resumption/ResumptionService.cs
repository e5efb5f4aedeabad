using DrillBot.Configuration;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using DrillBot.Logging;
using DrillBot.Runs;
using DrillBot.Store;
using DrillBot.Store.Ownership;
using Microsoft.Extensions.Logging;

namespace DrillBot.Resumption;

/// <summary>
/// Finishes what dead runs left behind, under the store lease <c>recovery</c> (its stored name; one replica at a
/// time): every unfinished journal run whose owner is dead (this process, restarted, and not
/// running it; or another replica whose instance lease expired) and whose drill Lease is no longer
/// renewed, and every object annotated by a run nobody knows. Each is restored and verified through
/// the engine's RestoreService, then reported "restored after an interrupted run" by
/// <see cref="ResumptionReporter"/>. A failed restore is retried with growing pauses.
/// </summary>
internal sealed class ResumptionService(
    DrillEngine engine,
    DrillsConfigState config,
    IDrillBotStore store,
    ActiveRuns active,
    ResumptionReporter reporter,
    ResumptionOptions options,
    TimeProvider time,
    ILogger<ResumptionService> logger)
{
    private readonly Dictionary<string, (int Failures, DateTimeOffset NextAttempt)> retries = new(StringComparer.Ordinal);

    /// <summary>One pass; false when another replica holds the resumption lease.</summary>
    public async Task<bool> RunPassAsync(bool includeOrphans, CancellationToken cancellationToken)
    {
        var lease = new SingleOwnerLease(store, "recovery", options.InstanceId, options.WorkLeaseTtl);
        if (!await lease.TryAcquireAsync(cancellationToken))
        {
            return false;
        }

        try
        {
            var restore = engine.CreateRestoreService(config.Current);
            var unfinished = await store.Journal.GetUnfinishedRunsAsync(cancellationToken);
            var dead = new HashSet<string>(StringComparer.Ordinal);
            foreach (var run in unfinished.Where(r => Due(r.Run.RunId)))
            {
                if (await IsDeadAsync(restore, run, cancellationToken))
                {
                    dead.Add(run.Run.RunId);
                }
            }

            if (dead.Count > 0)
            {
                foreach (var resumed in await restore.RestoreUnfinishedAsync(r => !dead.Contains(r.RunId), cancellationToken))
                {
                    Note(resumed.Run.RunId, resumed.Restore.Status != RestoreStatus.Failed);
                    await reporter.ReportAsync(resumed.Run.RunId, resumed.Run.Drill, resumed.Run.StartedAt, resumed.Run.Owner, resumed.Restore, cancellationToken);
                }
            }

            await FinishStaleRecordsAsync(unfinished, cancellationToken);
            if (includeOrphans)
            {
                var known = unfinished.Select(r => r.Run.RunId).Concat(active.All().Select(r => r.RunId)).ToHashSet(StringComparer.Ordinal);
                var orphans = await restore.FindOrphansAsync(known, cancellationToken);
                foreach (var group in orphans.GroupBy(o => o.RunId, StringComparer.Ordinal))
                {
                    var result = await restore.RestoreOrphansAsync(group.ToList(), cancellationToken);
                    await reporter.ReportOrphansAsync(group.Key, result, cancellationToken);
                }
            }

            return true;
        }
        finally
        {
            await lease.ReleaseAsync(CancellationToken.None);
        }
    }

    private async Task<bool> IsDeadAsync(RestoreService restore, UnfinishedRun run, CancellationToken cancellationToken)
    {
        if (active.Contains(run.Run.RunId) || !await IsOwnerDeadAsync(run.Run.Owner, cancellationToken))
        {
            return false;
        }

        // the drill Lease is renewed by a live run: never restore under a run that still works
        return !await restore.IsRunAliveAsync(run.Run.RunId, run.Entries.Select(e => e.Entry.Target.Cluster), cancellationToken);
    }

    private async Task<bool> IsOwnerDeadAsync(string owner, CancellationToken cancellationToken)
    {
        if (owner == options.InstanceId)
        {
            return true; // this process does not run it (checked by the caller): a previous life of this instance
        }

        var lease = await store.Leases.GetAsync(InstanceLiveness.LeaseName(owner), cancellationToken);
        return lease is null || lease.ExpiresAt <= time.GetUtcNow();
    }

    /// <summary>Runs recorded as running whose owner is dead and that left nothing to restore (died before the first change, or after its restore).</summary>
    private async Task FinishStaleRecordsAsync(IReadOnlyList<UnfinishedRun> unfinished, CancellationToken cancellationToken)
    {
        var journaled = unfinished.Select(r => r.Run.RunId).ToHashSet(StringComparer.Ordinal);
        foreach (var run in await store.Runs.ListRunningAsync(cancellationToken))
        {
            if (!journaled.Contains(run.RunId) && !active.Contains(run.RunId) && await IsOwnerDeadAsync(run.OwnerInstance, cancellationToken))
            {
                await reporter.ReportNothingLeftAsync(run, cancellationToken);
            }
        }
    }

    private bool Due(string runId) => !retries.TryGetValue(runId, out var r) || r.NextAttempt <= time.GetUtcNow();

    private void Note(string runId, bool restored)
    {
        if (restored)
        {
            retries.Remove(runId);
            return;
        }

        var failures = retries.TryGetValue(runId, out var r) ? r.Failures + 1 : 1;
        var pause = TimeSpan.FromSeconds(Math.Min(600, 10 * Math.Pow(2, failures - 1)));
        retries[runId] = (failures, time.GetUtcNow() + pause);
        ServiceLog.ResumptionRestoreFailed(logger, runId, failures, pause);
    }
}

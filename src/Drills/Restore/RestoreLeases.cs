using DrillBot.Drills.Cluster;
using DrillBot.Drills.Locking;
using DrillBot.Drills.Running;
using Microsoft.Extensions.Logging;

namespace DrillBot.Drills.Restore;

/// <summary>
/// The drill leases a restore of a dead run holds while it works (holder <c>"{owner} restore {runId}"</c>):
/// free or expired leases, leases of holders no longer at work, and the dead run's own leases are taken
/// over; a cluster whose lease a live holder keeps is restored without it (noted). <see cref="Rival"/> is a
/// live restore of the same run by someone else: then this restore must not go on.
/// </summary>
internal sealed class RestoreLeases : IAsyncDisposable
{
    private readonly RunLock _lock;

    private RestoreLeases(RunLock runLock, IReadOnlyList<string> notes, LeaseHolder? rival)
    {
        _lock = runLock;
        Notes = notes;
        Rival = rival;
    }

    public IReadOnlyList<string> Notes { get; }

    public LeaseHolder? Rival { get; }

    public static async Task<RestoreLeases> TakeAsync(IReadOnlyList<IClusterClient> clients, string ns, string runId, HolderLiveness liveness, DrillEngineOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var request = new LockRequest(LeaseHolder.ForRestore(options.Owner, runId), liveness, options.Lock, options.TimeProvider)
        {
            BestEffort = true,
            AlsoTakeOver = lease => LeaseHolder.Parse(lease.Holder) is { Verb: LeaseHolder.RunVerb } h && h.RunId == runId,
        };
        var (runLock, _) = await RunLock.AcquireAsync(clients, ns, request, cancellationToken);
        var notes = runLock!.TakenOver.Select(t => $"took over the drill lease in cluster {t.Cluster} from {t.PreviousHolder} ({t.Reason})")
            .Concat(runLock.Skipped.Select(s => $"restored without the drill lease of cluster {s.Cluster}: {s.Message}"))
            .ToList();
        var rival = runLock.Skipped.Select(s => LeaseHolder.Parse(s.Holder)).FirstOrDefault(h => h is { Verb: LeaseHolder.RestoreVerb } && h.RunId == runId);
        foreach (var note in notes)
        {
            Log.LeaseNote(logger, runId, note);
        }

        return new RestoreLeases(runLock, notes, rival);
    }

    /// <summary>Releases the leases (the cluster is free for the next drill at once).</summary>
    public ValueTask DisposeAsync() => _lock.DisposeAsync();
}

namespace DrillBot.Store.MissedFires;

/// <summary>Missed schedule fires, so the service can count and show them.</summary>
public interface IMissedFireStore
{
    /// <summary>
    /// Records that <paramref name="drill"/>'s fire at <paramref name="scheduledAt"/> was missed. False
    /// (nothing changed) when that fire is recorded already, e.g. by another replica.
    /// </summary>
    Task<bool> RecordAsync(string drill, DateTimeOffset scheduledAt, CancellationToken cancellationToken);

    /// <summary>How many fires were missed, optionally of one drill and scheduled at or after <paramref name="since"/>.</summary>
    Task<long> CountAsync(string? drill, DateTimeOffset? since, CancellationToken cancellationToken);

    /// <summary>The latest <paramref name="max"/> missed fires by scheduled time, newest first, optionally of one drill.</summary>
    Task<IReadOnlyList<MissedFire>> ListLatestAsync(int max, string? drill, CancellationToken cancellationToken);
}

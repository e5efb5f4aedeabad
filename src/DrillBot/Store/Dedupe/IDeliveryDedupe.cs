namespace DrillBot.Store.Dedupe;

/// <summary>
/// "Have I seen this delivery before?" — so a retried Slack request (<c>X-Slack-Retry-Num</c>) or a
/// redelivered Socket Mode envelope never starts a second drill, whichever replica receives it.
/// </summary>
public interface IDeliveryDedupe
{
    /// <summary>
    /// Remembers <paramref name="key"/> for <paramref name="expiresAfter"/> and returns true only the
    /// first time; atomic across threads and replicas. After expiry the key counts as new again.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expiresAfter"/> is not positive.</exception>
    Task<bool> TryRememberAsync(string key, TimeSpan expiresAfter, CancellationToken cancellationToken);

    /// <summary>Deletes expired keys; returns how many.</summary>
    Task<int> ForgetExpiredAsync(CancellationToken cancellationToken);
}

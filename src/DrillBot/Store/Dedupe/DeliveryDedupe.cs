using DrillBot.Store.Data;

namespace DrillBot.Store.Dedupe;

/// <summary>
/// Keys in <c>drillbot_dedupe</c>. One upsert decides: a new key is inserted, an expired one is
/// taken over, a live one changes nothing (0 rows). Both engines serialize conflicting upserts on
/// the primary key, so exactly one caller sees 1 row.
/// </summary>
internal sealed class DeliveryDedupe(StoreDatabase database, TimeProvider timeProvider) : IDeliveryDedupe
{
    public Task<bool> TryRememberAsync(string key, TimeSpan expiresAfter, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(expiresAfter, TimeSpan.Zero);
        var now = timeProvider.GetUtcNow();
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = database.Command(
                    connection,
                    transaction,
                    "INSERT INTO drillbot_dedupe (dedupe_key, remembered_at, expires_at) VALUES (@key, @now, @expires) " +
                    "ON CONFLICT (dedupe_key) DO UPDATE SET remembered_at = excluded.remembered_at, expires_at = excluded.expires_at " +
                    "WHERE drillbot_dedupe.expires_at <= @now",
                    ("key", key),
                    ("now", now),
                    ("expires", now + expiresAfter));
                return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
            },
            cancellationToken);
    }

    public Task<int> ForgetExpiredAsync(CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = database.Command(
                    connection, transaction, "DELETE FROM drillbot_dedupe WHERE expires_at <= @now", ("now", timeProvider.GetUtcNow()));
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
}

using System.Data.Common;
using DrillBot.Store.Data;

namespace DrillBot.Store.Ownership;

/// <summary>
/// Leases in <c>drillbot_leases</c>. Taking one is a single upsert that succeeds only when the row
/// is new, expired or already the caller's, so two replicas racing for a lease cannot both win.
/// </summary>
internal sealed class OwnershipLeases(StoreDatabase database, TimeProvider timeProvider) : IOwnershipLeases
{
    private const string Columns = "name, owner, acquired_at, expires_at";

    public Task<LeaseAttempt> TryAcquireAsync(string name, string instanceId, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        var now = timeProvider.GetUtcNow();
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                await using (var upsert = database.Command(
                    connection,
                    transaction,
                    "INSERT INTO drillbot_leases (name, owner, acquired_at, renewed_at, expires_at) VALUES (@name, @owner, @now, @now, @expires) " +
                    "ON CONFLICT (name) DO UPDATE SET " +
                    "acquired_at = CASE WHEN drillbot_leases.owner = excluded.owner AND drillbot_leases.expires_at > @now THEN drillbot_leases.acquired_at ELSE excluded.acquired_at END, " +
                    "owner = excluded.owner, renewed_at = excluded.renewed_at, expires_at = excluded.expires_at " +
                    $"WHERE drillbot_leases.expires_at <= @now OR drillbot_leases.owner = @owner RETURNING {Columns}",
                    ("name", name),
                    ("owner", instanceId),
                    ("now", now),
                    ("expires", now + ttl)))
                {
                    var taken = await ReadLeaseAsync(upsert, cancellationToken);
                    if (taken is not null)
                    {
                        return new LeaseAttempt(true, taken);
                    }
                }

                await using var read = database.Command(connection, transaction, $"SELECT {Columns} FROM drillbot_leases WHERE name = @name", ("name", name));
                return new LeaseAttempt(false, await ReadLeaseAsync(read, cancellationToken));
            },
            cancellationToken);
    }

    public Task<bool> RenewAsync(string name, string instanceId, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        var now = timeProvider.GetUtcNow();
        return ExecuteAsync(
            "UPDATE drillbot_leases SET renewed_at = @now, expires_at = @expires WHERE name = @name AND owner = @owner AND expires_at > @now",
            cancellationToken,
            ("now", now),
            ("expires", now + ttl),
            ("name", name),
            ("owner", instanceId));
    }

    public Task<bool> ReleaseAsync(string name, string instanceId, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM drillbot_leases WHERE name = @name AND owner = @owner", cancellationToken, ("name", name), ("owner", instanceId));

    public Task<OwnershipLease?> GetAsync(string name, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                await using var command = database.Command(connection, null, $"SELECT {Columns} FROM drillbot_leases WHERE name = @name", ("name", name));
                return await ReadLeaseAsync(command, cancellationToken);
            },
            cancellationToken);

    private async Task<OwnershipLease?> ReadLeaseAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new OwnershipLease(reader.GetString(0), reader.GetString(1), database.ReadTime(reader, 2), database.ReadTime(reader, 3))
            : null;
    }

    private Task<bool> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = database.Command(connection, transaction, sql, parameters);
                return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
            },
            cancellationToken);
}

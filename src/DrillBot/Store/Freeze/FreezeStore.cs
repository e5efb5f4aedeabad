using System.Data.Common;
using DrillBot.Store.Audit;
using DrillBot.Store.Data;
using DrillBot.Store.Runs;

namespace DrillBot.Store.Freeze;

/// <summary>
/// <see cref="IFreezeStore"/>: one row (<c>scope = 'global'</c>). Freezing takes the run-start lock, so it is ordered
/// with every <see cref="IRunStore.StartUnlessBusyAsync"/> of every replica, and records an abort request
/// (<c>drillbot_abort_requests</c>) for each running run in the same transaction.
/// </summary>
internal sealed class FreezeStore(StoreDatabase database, TimeProvider time, RunStore runs, AuditStore audit) : IFreezeStore
{
    private const string Scope = "global";

    public Task<FreezeState> GetAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(connection => ReadAsync(database, connection, null, cancellationToken), cancellationToken);

    public Task<FreezeChange> FreezeAsync(string by, string source, string reason, AuditEntry? auditEntry, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                await database.LockRunStartsAsync(connection, transaction, cancellationToken);
                var current = await ReadAsync(database, connection, transaction, cancellationToken);
                var running = await runs.ReadRunningAsync(connection, transaction, cancellationToken);
                if (current.Frozen)
                {
                    return new FreezeChange(current, false, running);
                }

                var now = time.GetUtcNow();
                var state = new FreezeState(true, reason, by, source, StoreTime.Normalize(now)) { LiftedBy = current.LiftedBy, LiftedAt = current.LiftedAt };
                await UpsertAsync(connection, transaction, state, now, cancellationToken);
                foreach (var run in running)
                {
                    await using var abort = database.Command(
                        connection,
                        transaction,
                        "INSERT INTO drillbot_abort_requests (run_id, requested_by, requested_at) VALUES (@run, @by, @now) ON CONFLICT (run_id) DO NOTHING",
                        ("run", run.RunId),
                        ("by", state.Describe()),
                        ("now", now));
                    await abort.ExecuteNonQueryAsync(cancellationToken);
                }

                if (auditEntry is not null)
                {
                    await audit.AppendAsync(connection, transaction, auditEntry, cancellationToken);
                }

                return new FreezeChange(state, true, running);
            },
            cancellationToken);

    public Task<FreezeChange> UnfreezeAsync(string by, AuditEntry? auditEntry, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                await database.LockRunStartsAsync(connection, transaction, cancellationToken);
                var current = await ReadAsync(database, connection, transaction, cancellationToken);
                if (!current.Frozen)
                {
                    return new FreezeChange(current, false, []);
                }

                var now = time.GetUtcNow();
                var state = current with { Frozen = false, LiftedBy = by, LiftedAt = StoreTime.Normalize(now) };
                await UpsertAsync(connection, transaction, state, now, cancellationToken);
                if (auditEntry is not null)
                {
                    await audit.AppendAsync(connection, transaction, auditEntry, cancellationToken);
                }

                return new FreezeChange(state, true, []);
            },
            cancellationToken);

    /// <summary>The state read inside a transaction (run starts check it under the run-start lock).</summary>
    public static async Task<FreezeState> ReadAsync(StoreDatabase database, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = database.Command(
            connection,
            transaction,
            "SELECT frozen, reason, frozen_by, frozen_source, frozen_at, lifted_by, lifted_at FROM drillbot_freeze WHERE scope = @scope",
            ("scope", Scope));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return FreezeState.Thawed;
        }

        return new FreezeState(reader.GetInt64(0) == 1, reader.GetNullableString(1), reader.GetNullableString(2), reader.GetNullableString(3), database.ReadNullableTime(reader, 4))
        {
            LiftedBy = reader.GetNullableString(5),
            LiftedAt = database.ReadNullableTime(reader, 6),
        };
    }

    private async Task UpsertAsync(DbConnection connection, DbTransaction transaction, FreezeState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = database.Command(
            connection,
            transaction,
            "INSERT INTO drillbot_freeze (scope, frozen, reason, frozen_by, frozen_source, frozen_at, lifted_by, lifted_at, updated_at) " +
            "VALUES (@scope, @frozen, @reason, @by, @source, @at, @liftedBy, @liftedAt, @now) ON CONFLICT (scope) DO UPDATE SET " +
            "frozen = @frozen, reason = @reason, frozen_by = @by, frozen_source = @source, frozen_at = @at, lifted_by = @liftedBy, lifted_at = @liftedAt, updated_at = @now",
            ("scope", Scope),
            ("frozen", state.Frozen ? 1L : 0L),
            ("reason", state.Reason),
            ("by", state.By),
            ("source", state.Source),
            ("at", state.Since),
            ("liftedBy", state.LiftedBy),
            ("liftedAt", state.LiftedAt),
            ("now", now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

using System.Data.Common;
using DrillBot.Drills.Journal;
using DrillBot.Store.Data;

namespace DrillBot.Store.Journal;

/// <summary>
/// The restore journal in the store. Every call is one committed transaction, so when
/// <see cref="RecordAsync"/> returns the prior state is durable (SQLite <c>synchronous=FULL</c>,
/// PostgreSQL commit) and the caller may mutate the object.
/// </summary>
internal sealed class StoreJournal(StoreDatabase database, TimeProvider timeProvider) : IJournal
{
    private const string EntryColumns =
        "e.run_id, e.sequence, e.cluster, e.object_kind, e.object_namespace, e.object_name, e.step, e.prior_json, e.change_json, e.recorded_at, e.state, e.applied_json, e.detail";

    public Task BeginRunAsync(JournalRun run, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO drillbot_journal_runs (run_id, drill, owner, started_at) VALUES (@id, @drill, @owner, @started) ON CONFLICT (run_id) DO NOTHING",
            expectOneRow: null,
            cancellationToken,
            ("id", run.RunId),
            ("drill", run.Drill),
            ("owner", run.Owner),
            ("started", run.StartedAt));

    public Task RecordAsync(JournalEntry entry, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var insert = database.Command(
                    connection,
                    transaction,
                    "INSERT INTO drillbot_journal_entries (run_id, sequence, cluster, object_kind, object_namespace, object_name, step, prior_json, change_json, recorded_at, state, updated_at) " +
                    "SELECT @run, @seq, @cluster, @kind, @ns, @name, @step, @prior, @change, @recorded, @state, @now " +
                    "WHERE EXISTS (SELECT 1 FROM drillbot_journal_runs WHERE run_id = @run) ON CONFLICT (run_id, sequence) DO NOTHING",
                    ("run", entry.RunId),
                    ("seq", (long)entry.Sequence),
                    ("cluster", entry.Target.Cluster),
                    ("kind", entry.Target.Kind.ToString()),
                    ("ns", entry.Target.Namespace),
                    ("name", entry.Target.Name),
                    ("step", entry.Step),
                    ("prior", entry.PriorJson),
                    ("change", entry.ChangeJson),
                    ("recorded", entry.RecordedAt),
                    ("state", JournalStateNames.Text(JournalEntryState.Recorded)),
                    ("now", timeProvider.GetUtcNow()));
                if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
                {
                    return true;
                }

                var existing = await ReadEntryAsync(connection, transaction, entry.RunId, entry.Sequence, cancellationToken)
                    ?? throw new InvalidOperationException($"Journal run '{entry.RunId}' was not begun; call BeginRunAsync first.");
                return existing.Entry with { RecordedAt = entry.RecordedAt } == entry
                    ? true
                    : throw new InvalidOperationException($"Journal entry {entry.RunId}/{entry.Sequence} is already recorded with different content.");
            },
            cancellationToken);

    public Task MarkAppliedAsync(string runId, int sequence, string? appliedJson, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE drillbot_journal_entries SET state = @state, applied_json = @applied, updated_at = @now WHERE run_id = @run AND sequence = @seq",
            expectOneRow: $"journal entry {runId}/{sequence}",
            cancellationToken,
            ("state", JournalStateNames.Text(JournalEntryState.Applied)),
            ("applied", appliedJson),
            ("now", timeProvider.GetUtcNow()),
            ("run", runId),
            ("seq", (long)sequence));

    public Task MarkRestoredAsync(string runId, int sequence, bool ok, string? detail, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE drillbot_journal_entries SET state = @state, detail = @detail, updated_at = @now WHERE run_id = @run AND sequence = @seq",
            expectOneRow: $"journal entry {runId}/{sequence}",
            cancellationToken,
            ("state", JournalStateNames.Text(ok ? JournalEntryState.Restored : JournalEntryState.RestoreFailed)),
            ("detail", detail),
            ("now", timeProvider.GetUtcNow()),
            ("run", runId),
            ("seq", (long)sequence));

    public Task CompleteRunAsync(string runId, string outcome, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE drillbot_journal_runs SET completed_at = COALESCE(completed_at, @now), outcome = COALESCE(outcome, @outcome) WHERE run_id = @run",
            expectOneRow: $"journal run {runId}",
            cancellationToken,
            ("now", timeProvider.GetUtcNow()),
            ("outcome", outcome),
            ("run", runId));

    public Task<IReadOnlyList<UnfinishedRun>> GetUnfinishedRunsAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(connection => new UnfinishedRunReader(database).ReadAsync(connection, EntryColumns, cancellationToken), cancellationToken);

    private async Task<JournalRecord?> ReadEntryAsync(DbConnection connection, DbTransaction transaction, string runId, int sequence, CancellationToken cancellationToken)
    {
        await using var command = database.Command(
            connection,
            transaction,
            $"SELECT {EntryColumns} FROM drillbot_journal_entries e WHERE e.run_id = @run AND e.sequence = @seq",
            ("run", runId),
            ("seq", (long)sequence));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? UnfinishedRunReader.ReadRecord(database, reader) : null;
    }

    private Task ExecuteAsync(string sql, string? expectOneRow, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = database.Command(connection, transaction, sql, parameters);
                var rows = await command.ExecuteNonQueryAsync(cancellationToken);
                return expectOneRow is null || rows == 1
                    ? rows
                    : throw new InvalidOperationException($"The {expectOneRow} does not exist.");
            },
            cancellationToken);
}

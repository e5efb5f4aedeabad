using System.Data.Common;
using DrillBot.Drills.Restore;
using DrillBot.Drills.Running;
using DrillBot.Store.Data;

namespace DrillBot.Store.Runs;

/// <summary>Runs in <c>drillbot_runs</c>; the report JSON is kept as opaque text.</summary>
internal sealed class RunStore(StoreDatabase database, TimeProvider timeProvider) : IRunStore
{
    private const string SummaryColumns =
        "run_id, drill, trigger_kind, trigger_by, status, verdict, restore_status, started_at, finished_at, owner_instance, recovery_seconds, summary, override_blackout, override_reason, approval_id";

    public Task<bool> StartAsync(RunStart run, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) => InsertAsync(connection, transaction, run, cancellationToken), cancellationToken);

    public Task<RunStartResult> StartUnlessBusyAsync(RunStart run, Func<RunSummary, bool> conflicts, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                await database.LockRunStartsAsync(connection, transaction, cancellationToken);
                if (await Freeze.FreezeStore.ReadAsync(database, connection, transaction, cancellationToken) is { Frozen: true } frozen)
                {
                    return new RunStartResult(false, null) { FrozenBy = frozen };
                }

                await using (var query = database.Command(connection, transaction, $"SELECT {SummaryColumns} FROM drillbot_runs WHERE status = @running ORDER BY started_at, run_id", ("running", RunStatus.Running.WireName())))
                await using (var reader = await query.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        var other = ReadSummary(reader);
                        if (other.RunId != run.RunId && conflicts(other))
                        {
                            return new RunStartResult(false, other);
                        }
                    }
                }

                return new RunStartResult(await InsertAsync(connection, transaction, run, cancellationToken), null);
            },
            cancellationToken);

    public Task<bool> MarkInterruptedAsync(string runId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = database.Command(
                    connection,
                    transaction,
                    "UPDATE drillbot_runs SET status = @interrupted, updated_at = @now WHERE run_id = @id AND status = @running",
                    ("id", runId),
                    ("interrupted", RunStatus.Interrupted.WireName()),
                    ("running", RunStatus.Running.WireName()),
                    ("now", timeProvider.GetUtcNow()));
                return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
            },
            cancellationToken);

    public Task<bool> FinishAsync(string runId, RunOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Status == RunStatus.Running)
        {
            throw new ArgumentException("A finished run cannot have status Running.", nameof(outcome));
        }

        return database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = database.Command(
                    connection,
                    transaction,
                    "UPDATE drillbot_runs SET status = @status, verdict = @verdict, restore_status = @restore, finished_at = @finished, " +
                    "recovery_seconds = @recovery, summary = @summary, report_json = @report, updated_at = @now " +
                    "WHERE run_id = @id AND status IN (@running, @interrupted)",
                    ("id", runId),
                    ("status", outcome.Status.WireName()),
                    ("verdict", outcome.Verdict?.WireName()),
                    ("restore", outcome.RestoreStatus?.WireName()),
                    ("finished", outcome.FinishedAt),
                    ("recovery", outcome.Recovery?.TotalSeconds),
                    ("summary", outcome.Summary),
                    ("report", outcome.ReportJson),
                    ("running", RunStatus.Running.WireName()),
                    ("interrupted", RunStatus.Interrupted.WireName()),
                    ("now", timeProvider.GetUtcNow()));
                return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
            },
            cancellationToken);
    }

    public Task<RunRecord?> GetAsync(string runId, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                await using var command = database.Command(
                    connection, null, $"SELECT {SummaryColumns}, report_json FROM drillbot_runs WHERE run_id = @id", ("id", runId));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                return await reader.ReadAsync(cancellationToken) ? new RunRecord(ReadSummary(reader), reader.GetNullableString(15)) : null;
            },
            cancellationToken);

    public Task<IReadOnlyList<RunSummary>> ListLatestAsync(int max, string? drill, CancellationToken cancellationToken) =>
        drill is null
            ? QueryAsync("ORDER BY started_at DESC, run_id DESC LIMIT @max", cancellationToken, ("max", (long)Math.Max(max, 0)))
            : QueryAsync("WHERE drill = @drill ORDER BY started_at DESC, run_id DESC LIMIT @max", cancellationToken, ("drill", drill), ("max", (long)Math.Max(max, 0)));

    public Task<IReadOnlyList<RunSummary>> ListRunningAsync(CancellationToken cancellationToken) =>
        QueryAsync("WHERE status = @running ORDER BY started_at, run_id", cancellationToken, ("running", RunStatus.Running.WireName()));

    public Task<IReadOnlyList<RunSummary>> ListOwnedByAsync(string instanceId, int max, CancellationToken cancellationToken) =>
        QueryAsync(
            "WHERE owner_instance = @owner ORDER BY started_at DESC, run_id DESC LIMIT @max",
            cancellationToken,
            ("owner", instanceId),
            ("max", (long)Math.Max(max, 0)));

    /// <summary>The running runs, read inside a caller's transaction (a freeze reads them under the run-start lock).</summary>
    internal async Task<IReadOnlyList<RunSummary>> ReadRunningAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = database.Command(connection, transaction, $"SELECT {SummaryColumns} FROM drillbot_runs WHERE status = @running ORDER BY started_at, run_id", ("running", RunStatus.Running.WireName()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new List<RunSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(ReadSummary(reader));
        }

        return runs;
    }

    private Task<IReadOnlyList<RunSummary>> QueryAsync(string tail, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        database.ReadAsync<IReadOnlyList<RunSummary>>(
            async connection =>
            {
                await using var command = database.Command(connection, null, $"SELECT {SummaryColumns} FROM drillbot_runs {tail}", parameters);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var runs = new List<RunSummary>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    runs.Add(ReadSummary(reader));
                }

                return runs;
            },
            cancellationToken);

    private RunSummary ReadSummary(DbDataReader reader) => new(
        RunId: reader.GetString(0),
        Drill: reader.GetString(1),
        Trigger: new RunTrigger(Stored<TriggerKind>(reader.GetString(2)), reader.GetString(3)) { OverrideBlackoutReason = reader.GetNullableString(13) },
        Status: Stored<RunStatus>(reader.GetString(4)),
        Verdict: reader.GetNullableString(5) is { } verdict ? Stored<Verdict>(verdict) : null,
        RestoreStatus: reader.GetNullableString(6) is { } restore ? Stored<RestoreStatus>(restore) : null,
        StartedAt: database.ReadTime(reader, 7),
        FinishedAt: database.ReadNullableTime(reader, 8),
        OwnerInstance: reader.GetString(9),
        Recovery: reader.GetNullableDouble(10) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        Summary: reader.GetNullableString(11))
    {
        OverrideBlackout = reader.GetNullableString(12),
        ApprovalId = reader.GetNullableString(14),
    };

    private static T Stored<T>(string text)
        where T : struct, Enum =>
        WireNames.TryParse<T>(text, out var value) ? value : throw new InvalidOperationException($"The store holds an unknown {typeof(T).Name} '{text}'.");

    private async Task<bool> InsertAsync(DbConnection connection, DbTransaction transaction, RunStart run, CancellationToken cancellationToken)
    {
        await using var command = database.Command(
            connection,
            transaction,
            "INSERT INTO drillbot_runs (run_id, drill, trigger_kind, trigger_by, status, started_at, owner_instance, updated_at, override_blackout, override_reason, approval_id) " +
            "VALUES (@id, @drill, @kind, @by, @status, @started, @owner, @now, @override, @reason, @approval) ON CONFLICT (run_id) DO NOTHING",
            ("id", run.RunId),
            ("drill", run.Drill),
            ("kind", run.Trigger.Kind.WireName()),
            ("by", run.Trigger.By),
            ("status", RunStatus.Running.WireName()),
            ("started", run.StartedAt),
            ("owner", run.OwnerInstance),
            ("now", timeProvider.GetUtcNow()),
            ("override", run.OverrideBlackout),
            ("reason", run.OverrideBlackout is null ? null : run.Trigger.OverrideBlackoutReason),
            ("approval", run.ApprovalId));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}

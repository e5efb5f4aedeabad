using System.Data.Common;
using System.Text.Json;
using DrillBot.Drills.Running;
using DrillBot.Store.Data;

namespace DrillBot.Store.Approvals;

/// <summary>
/// <see cref="IApprovalStore"/>: every change reads the request with a row lock (PostgreSQL <c>FOR UPDATE</c>; SQLite's
/// write transaction) and changes it conditionally, so two replicas handling two clicks at once count both, and an
/// approval starts one run at most.
/// </summary>
internal sealed class ApprovalStore(StoreDatabase database) : IApprovalStore
{
    private const string Columns =
        "approval_id, drill, requested_by, requester_id, source, required, approvers_json, auto_start, created_at, expires_at, status, override_reason, decided_at, run_id";

    public Task CreateAsync(ApprovalRequest request, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = database.Command(
                    connection,
                    transaction,
                    $"INSERT INTO drillbot_approvals ({Columns}, updated_at) VALUES (@id, @drill, @by, @requester, @source, @required, @approvers, @auto, @created, @expires, @status, @override, NULL, NULL, @created)",
                    ("id", request.ApprovalId),
                    ("drill", request.Drill),
                    ("by", request.RequestedBy),
                    ("requester", request.RequesterId),
                    ("source", request.Source),
                    ("required", (long)request.Required),
                    ("approvers", JsonSerializer.Serialize(request.Approvers)),
                    ("auto", request.AutoStart ? 1L : 0L),
                    ("created", request.CreatedAt),
                    ("expires", request.ExpiresAt),
                    ("status", ApprovalStatus.Pending.WireName()),
                    ("override", request.OverrideReason));
                await command.ExecuteNonQueryAsync(cancellationToken);
                return true;
            },
            cancellationToken);

    public Task<ApprovalRequest?> GetAsync(string approvalId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => ReadAsync(connection, null, approvalId, false, cancellationToken), cancellationToken);

    public Task<DecisionResult> DecideAsync(string approvalId, ApprovalDecision decision, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                var request = await ReadAsync(connection, transaction, approvalId, true, cancellationToken);
                if (request is null || request.Status != ApprovalStatus.Pending || now >= request.ExpiresAt)
                {
                    return new DecisionResult(false, false, request);
                }

                if (request.Decisions.Any(d => d.ApproverId == decision.ApproverId))
                {
                    return new DecisionResult(false, true, request);
                }

                await using (var insert = database.Command(
                    connection,
                    transaction,
                    "INSERT INTO drillbot_approval_decisions (approval_id, approver_id, approver_name, decision, decided_at) VALUES (@id, @approver, @name, @decision, @at)",
                    ("id", approvalId),
                    ("approver", decision.ApproverId),
                    ("name", decision.ApproverName),
                    ("decision", decision.Approved ? "approve" : "reject"),
                    ("at", decision.At)))
                {
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }

                var decided = request with { Decisions = [.. request.Decisions, decision] };
                var status = !decision.Approved ? ApprovalStatus.Rejected : decided.Approvals >= request.Required ? ApprovalStatus.Approved : ApprovalStatus.Pending;
                if (status != ApprovalStatus.Pending)
                {
                    await SetStatusAsync(connection, transaction, approvalId, status, ApprovalStatus.Pending, decision.At, null, cancellationToken);
                    decided = decided with { Status = status, DecidedAt = decision.At };
                }

                return new DecisionResult(true, false, decided);
            },
            cancellationToken);

    public Task<IReadOnlyList<ApprovalRequest>> ExpireDueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync<IReadOnlyList<ApprovalRequest>>(
            async (connection, transaction) =>
            {
                var due = new List<string>();
                await using (var query = database.Command(
                    connection,
                    transaction,
                    $"SELECT approval_id FROM drillbot_approvals WHERE status IN (@pending, @approved) AND expires_at <= @now ORDER BY expires_at{database.RowLock}",
                    ("pending", ApprovalStatus.Pending.WireName()),
                    ("approved", ApprovalStatus.Approved.WireName()),
                    ("now", now)))
                await using (var reader = await query.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        due.Add(reader.GetString(0));
                    }
                }

                var expired = new List<ApprovalRequest>();
                foreach (var id in due)
                {
                    var request = (await ReadAsync(connection, transaction, id, false, cancellationToken))!;
                    await SetStatusAsync(connection, transaction, id, ApprovalStatus.Expired, request.Status, now, null, cancellationToken);
                    expired.Add(request with { Status = ApprovalStatus.Expired, DecidedAt = request.DecidedAt ?? now });
                }

                return expired;
            },
            cancellationToken);

    public Task<bool> ConsumeAsync(string approvalId, string runId, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = database.Command(
                    connection,
                    transaction,
                    "UPDATE drillbot_approvals SET status = @used, run_id = @run, updated_at = @now WHERE approval_id = @id AND status = @approved AND expires_at > @now",
                    ("used", ApprovalStatus.Used.WireName()),
                    ("run", runId),
                    ("now", now),
                    ("id", approvalId),
                    ("approved", ApprovalStatus.Approved.WireName()));
                return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
            },
            cancellationToken);

    public Task ReleaseAsync(string approvalId, string runId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = database.Command(
                    connection,
                    transaction,
                    "UPDATE drillbot_approvals SET status = @approved, run_id = NULL WHERE approval_id = @id AND status = @used AND run_id = @run",
                    ("approved", ApprovalStatus.Approved.WireName()),
                    ("id", approvalId),
                    ("used", ApprovalStatus.Used.WireName()),
                    ("run", runId));
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);

    public Task<IReadOnlyList<ApprovalRequest>> ListPendingAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<ApprovalRequest>>(
            async connection =>
            {
                var ids = new List<string>();
                await using (var query = database.Command(connection, null, "SELECT approval_id FROM drillbot_approvals WHERE status = @pending ORDER BY created_at LIMIT 50", ("pending", ApprovalStatus.Pending.WireName())))
                await using (var reader = await query.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        ids.Add(reader.GetString(0));
                    }
                }

                var requests = new List<ApprovalRequest>();
                foreach (var id in ids)
                {
                    requests.Add((await ReadAsync(connection, null, id, false, cancellationToken))!);
                }

                return requests;
            },
            cancellationToken);

    private async Task SetStatusAsync(DbConnection connection, DbTransaction transaction, string id, ApprovalStatus status, ApprovalStatus from, DateTimeOffset at, string? runId, CancellationToken cancellationToken)
    {
        await using var command = database.Command(
            connection,
            transaction,
            "UPDATE drillbot_approvals SET status = @status, decided_at = COALESCE(decided_at, @at), run_id = COALESCE(@run, run_id), updated_at = @at WHERE approval_id = @id AND status = @from",
            ("status", status.WireName()),
            ("at", at),
            ("run", runId),
            ("id", id),
            ("from", from.WireName()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<ApprovalRequest?> ReadAsync(DbConnection connection, DbTransaction? transaction, string id, bool lockRow, CancellationToken cancellationToken)
    {
        ApprovalRequest request;
        await using (var command = database.Command(connection, transaction, $"SELECT {Columns} FROM drillbot_approvals WHERE approval_id = @id{(lockRow ? database.RowLock : string.Empty)}", ("id", id)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            request = new ApprovalRequest(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetInt32Value(5),
                JsonSerializer.Deserialize<List<string>>(reader.GetString(6)) ?? [],
                reader.GetInt64(7) == 1,
                database.ReadTime(reader, 8),
                database.ReadTime(reader, 9))
            {
                Status = WireNames.TryParse<ApprovalStatus>(reader.GetString(10), out var status) ? status : throw new InvalidOperationException($"The store holds an unknown approval status '{reader.GetString(10)}'."),
                OverrideReason = reader.GetNullableString(11),
                DecidedAt = database.ReadNullableTime(reader, 12),
                RunId = reader.GetNullableString(13),
            };
        }

        var decisions = new List<ApprovalDecision>();
        await using (var command = database.Command(connection, transaction, "SELECT approver_id, approver_name, decision, decided_at FROM drillbot_approval_decisions WHERE approval_id = @id ORDER BY decided_at, approver_id", ("id", id)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                decisions.Add(new ApprovalDecision(reader.GetString(0), reader.GetString(1), reader.GetString(2) == "approve", database.ReadTime(reader, 3)));
            }
        }

        return request with { Decisions = decisions };
    }
}

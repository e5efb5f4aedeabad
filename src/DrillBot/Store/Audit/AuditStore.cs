using System.Data.Common;
using System.Globalization;
using DrillBot.Store.Data;

namespace DrillBot.Store.Audit;

/// <summary>
/// <see cref="IAuditStore"/> on <c>drillbot_audit</c> and its one-row head <c>drillbot_audit_head</c> (last seq, last
/// hash, count), which anchors the end of the chain: appends are serialized (PostgreSQL advisory lock, SQLite
/// <c>BEGIN IMMEDIATE</c>) and take the next seq and the previous hash from the head, in the same transaction.
/// </summary>
internal sealed class AuditStore(StoreDatabase database, TimeProvider time, byte[]? key) : IAuditStore
{
    private const string Columns = "seq, at, actor, source, action, drill, run_id, approval_id, detail_json, prev_hash, hash";

    public Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) => AppendAsync(connection, transaction, entry, cancellationToken), cancellationToken);

    /// <summary>Appends inside the caller's transaction (so an action and its audit event commit together).</summary>
    public async Task<AuditRecord> AppendAsync(DbConnection connection, DbTransaction transaction, AuditEntry entry, CancellationToken cancellationToken)
    {
        await database.LockAuditAsync(connection, transaction, cancellationToken);
        var current = await HeadAsync(connection, transaction, cancellationToken);
        var (lastSeq, lastHash, entries) = current ?? (0L, AuditHash.Genesis, 0L);
        var seq = lastSeq + 1;
        var at = StoreTime.Normalize(time.GetUtcNow());
        var hash = AuditHash.Compute(lastHash, seq, at, entry, key);
        await using (var insert = database.Command(
            connection,
            transaction,
            $"INSERT INTO drillbot_audit ({Columns}) VALUES (@seq, @at, @actor, @source, @action, @drill, @run, @approval, @detail, @prev, @hash)",
            ("seq", seq),
            ("at", at),
            ("actor", entry.Actor),
            ("source", entry.Source),
            ("action", entry.Action),
            ("drill", entry.Drill),
            ("run", entry.RunId),
            ("approval", entry.ApprovalId),
            ("detail", entry.DetailJson),
            ("prev", lastHash),
            ("hash", hash)))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        var headSql = current is null
            ? "INSERT INTO drillbot_audit_head (id, last_seq, last_hash, entries) VALUES (1, @seq, @hash, @entries) ON CONFLICT (id) DO UPDATE SET last_seq = @seq, last_hash = @hash, entries = @entries"
            : "UPDATE drillbot_audit_head SET last_seq = @seq, last_hash = @hash, entries = @entries WHERE id = 1";
        await using (var head = database.Command(connection, transaction, headSql, ("seq", seq), ("hash", hash), ("entries", entries + 1)))
        {
            await head.ExecuteNonQueryAsync(cancellationToken);
        }

        return new AuditRecord(seq, at, entry, lastHash, hash);
    }

    public Task<IReadOnlyList<AuditRecord>> ListAsync(AuditQuery query, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<AuditRecord>>(
            async connection =>
            {
                var where = new List<string>();
                var parameters = new List<(string, object?)> { ("limit", (long)Math.Clamp(query.Limit, 1, 10_000)) };
                if (query.Since is { } since)
                {
                    where.Add("at >= @since");
                    parameters.Add(("since", since));
                }

                if (query.Drill is { } drill)
                {
                    where.Add("drill = @drill");
                    parameters.Add(("drill", drill));
                }

                var filter = where.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", where);
                await using var command = database.Command(connection, null, $"SELECT {Columns} FROM drillbot_audit {filter} ORDER BY seq DESC LIMIT @limit", [.. parameters]);
                var records = await ReadAllAsync(command, cancellationToken);
                records.Reverse();
                return records;
            },
            cancellationToken);

    public Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                var problems = new List<string>();
                var expectedPrev = AuditHash.Genesis;
                var expectedSeq = 1L;
                long count = 0;
                await using (var command = database.Command(connection, null, $"SELECT {Columns} FROM drillbot_audit ORDER BY seq"))
                await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        var record = Read(reader);
                        count++;
                        if (record.Seq != expectedSeq)
                        {
                            problems.Add(record.Seq > expectedSeq
                                ? $"event {Range(expectedSeq, record.Seq - 1)} missing: deleted from the chain"
                                : $"event {record.Seq} is out of order (expected {expectedSeq})");
                        }

                        if (!string.Equals(record.PrevHash, expectedPrev, StringComparison.Ordinal))
                        {
                            problems.Add($"event {record.Seq}: its previous-hash does not match the event before it (an event before it was deleted, inserted or rewritten)");
                        }

                        if (!string.Equals(AuditHash.Compute(record.PrevHash, record.Seq, record.At, record.Entry, key), record.Hash, StringComparison.Ordinal))
                        {
                            problems.Add($"event {record.Seq} ({record.Entry.Action} by {record.Entry.Actor}): its content does not match its hash (edited after it was written{(key is null ? "" : ", or DRILLBOT_AUDIT_KEY differs")})");
                        }

                        expectedPrev = record.Hash;
                        expectedSeq = record.Seq + 1;
                    }
                }

                var head = await HeadAsync(connection, null, cancellationToken);
                if (head is { } h)
                {
                    if (h.LastSeq != expectedSeq - 1 || !string.Equals(h.LastHash, expectedPrev, StringComparison.Ordinal) || h.Entries != count)
                    {
                        problems.Add($"the chain head records {h.Entries} event(s) ending at event {h.LastSeq}, but the table holds {count} ending at event {expectedSeq - 1}: events deleted at the end, or the head was changed");
                    }
                }
                else if (count > 0)
                {
                    problems.Add($"the chain head (drillbot_audit_head) is missing while the log holds {count} event(s)");
                }

                return new AuditVerification(count, problems);
            },
            cancellationToken);

    private static string Range(long from, long to) => from == to ? from.ToString(CultureInfo.InvariantCulture) : $"{from}-{to}";

    private async Task<(long LastSeq, string LastHash, long Entries)?> HeadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = database.Command(connection, transaction, "SELECT last_seq, last_hash, entries FROM drillbot_audit_head WHERE id = 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)) : null;
    }

    private async Task<List<AuditRecord>> ReadAllAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<AuditRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(Read(reader));
        }

        return records;
    }

    private AuditRecord Read(DbDataReader reader) => new(
        reader.GetInt64(0),
        database.ReadTime(reader, 1),
        new AuditEntry(reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(8))
        {
            Drill = reader.GetNullableString(5),
            RunId = reader.GetNullableString(6),
            ApprovalId = reader.GetNullableString(7),
        },
        reader.GetString(9),
        reader.GetString(10));
}

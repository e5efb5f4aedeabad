using DrillBot.Store.Data;

namespace DrillBot.Store.Outbox;

/// <summary>
/// The outbox in <c>drillbot_outbox</c>. <see cref="EnqueueAsync"/> is idempotent on the key (a
/// unique constraint, so also across replicas); due messages come oldest first (created, then id).
/// Dependencies (<see cref="OutboxItem.DependsOnKey"/>) are kept, not enforced: the dispatcher
/// checks the parent's result with <see cref="GetResultAsync"/>.
/// </summary>
internal sealed class OutboxStore(StoreDatabase database) : IOutboxStore
{
    public Task<bool> EnqueueAsync(OutboxItem item, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = database.Command(
                    connection,
                    transaction,
                    "INSERT INTO drillbot_outbox (msg_key, kind, payload_json, depends_on_key, attempts, created_at, next_attempt_at) " +
                    "VALUES (@key, @kind, @payload, @depends, 0, @created, @created) ON CONFLICT (msg_key) DO NOTHING",
                    ("key", item.Key),
                    ("kind", item.Kind),
                    ("payload", item.PayloadJson),
                    ("depends", item.DependsOnKey),
                    ("created", item.CreatedAt));
                return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
            },
            cancellationToken);

    public Task<IReadOnlyList<OutboxMessage>> GetDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<OutboxMessage>>(
            async connection =>
            {
                await using var command = database.Command(
                    connection,
                    null,
                    "SELECT id, msg_key, kind, payload_json, depends_on_key, attempts, created_at, next_attempt_at, last_error FROM drillbot_outbox " +
                    "WHERE sent_at IS NULL AND next_attempt_at <= @now ORDER BY created_at, id LIMIT @max",
                    ("now", now),
                    ("max", (long)Math.Max(max, 0)));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var messages = new List<OutboxMessage>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    messages.Add(new OutboxMessage(
                        Id: reader.GetInt64(0),
                        Key: reader.GetString(1),
                        Kind: reader.GetString(2),
                        PayloadJson: reader.GetString(3),
                        DependsOnKey: reader.GetNullableString(4),
                        Attempts: reader.GetInt32Value(5),
                        CreatedAt: database.ReadTime(reader, 6),
                        NextAttemptAt: database.ReadTime(reader, 7),
                        LastError: reader.GetNullableString(8)));
                }

                return messages;
            },
            cancellationToken);

    public Task MarkSentAsync(long id, string? resultJson, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE drillbot_outbox SET sent_at = @now, result_json = @result, attempts = attempts + 1 WHERE id = @id AND sent_at IS NULL",
            cancellationToken,
            ("now", now),
            ("result", resultJson),
            ("id", id));

    public Task MarkRetryAsync(long id, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE drillbot_outbox SET attempts = attempts + 1, last_error = @error, next_attempt_at = @next WHERE id = @id AND sent_at IS NULL",
            cancellationToken,
            ("error", error),
            ("next", nextAttemptAt),
            ("id", id));

    public Task<string?> GetResultAsync(string key, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                await using var command = database.Command(
                    connection, null, "SELECT result_json FROM drillbot_outbox WHERE msg_key = @key AND sent_at IS NOT NULL", ("key", key));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                return await reader.ReadAsync(cancellationToken) ? reader.GetNullableString(0) : null;
            },
            cancellationToken);

    private Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = database.Command(connection, transaction, sql, parameters);
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
}

using DrillBot.Store.Data;

namespace DrillBot.Store.Aborts;

/// <summary>Abort requests in <c>drillbot_abort_requests</c>, one per run (the first request wins).</summary>
internal sealed class AbortRequestStore(StoreDatabase database, TimeProvider timeProvider) : IAbortRequestStore
{
    public Task<bool> RequestAsync(string runId, string requestedBy, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = database.Command(
                    connection,
                    transaction,
                    "INSERT INTO drillbot_abort_requests (run_id, requested_by, requested_at) VALUES (@run, @by, @now) ON CONFLICT (run_id) DO NOTHING",
                    ("run", runId),
                    ("by", requestedBy),
                    ("now", timeProvider.GetUtcNow()));
                return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
            },
            cancellationToken);

    public Task<IReadOnlyList<AbortRequest>> FindAsync(IReadOnlyCollection<string> runIds, CancellationToken cancellationToken)
    {
        if (runIds.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<AbortRequest>>([]);
        }

        var parameters = runIds.Select((id, i) => ($"r{i}", (object?)id)).ToArray();
        var sql = "SELECT run_id, requested_by, requested_at FROM drillbot_abort_requests WHERE run_id IN ("
            + string.Join(", ", parameters.Select(p => "@" + p.Item1)) + ")";
        return database.ReadAsync<IReadOnlyList<AbortRequest>>(
            async connection =>
            {
                await using var command = database.Command(connection, null, sql, parameters);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var requests = new List<AbortRequest>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    requests.Add(new AbortRequest(reader.GetString(0), reader.GetString(1), database.ReadTime(reader, 2)));
                }

                return requests;
            },
            cancellationToken);
    }
}

using System.Globalization;
using DrillBot.Store.Data;

namespace DrillBot.Store.MissedFires;

/// <summary>Missed fires in <c>drillbot_missed_fires</c>, unique per drill and scheduled time.</summary>
internal sealed class MissedFireStore(StoreDatabase database, TimeProvider timeProvider) : IMissedFireStore
{
    public Task<bool> RecordAsync(string drill, DateTimeOffset scheduledAt, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = database.Command(
                    connection,
                    transaction,
                    "INSERT INTO drillbot_missed_fires (drill, scheduled_at, recorded_at) VALUES (@drill, @scheduled, @now) " +
                    "ON CONFLICT (drill, scheduled_at) DO NOTHING",
                    ("drill", drill),
                    ("scheduled", scheduledAt),
                    ("now", timeProvider.GetUtcNow()));
                return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
            },
            cancellationToken);

    public Task<long> CountAsync(string? drill, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var conditions = new List<string>();
        var parameters = new List<(string Name, object? Value)>();
        if (drill is not null)
        {
            conditions.Add("drill = @drill");
            parameters.Add(("drill", drill));
        }

        if (since is { } from)
        {
            conditions.Add("scheduled_at >= @since");
            parameters.Add(("since", from));
        }

        var where = conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", conditions);
        return database.ReadAsync(
            async connection =>
            {
                await using var command = database.Command(connection, null, "SELECT COUNT(*) FROM drillbot_missed_fires" + where, [.. parameters]);
                return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<MissedFire>> ListLatestAsync(int max, string? drill, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<MissedFire>>(
            async connection =>
            {
                const string Select = "SELECT drill, scheduled_at, recorded_at FROM drillbot_missed_fires ";
                const string Order = "ORDER BY scheduled_at DESC, id DESC LIMIT @max";
                var limit = ("max", (object?)(long)Math.Max(max, 0));
                await using var command = drill is null
                    ? database.Command(connection, null, Select + Order, limit)
                    : database.Command(connection, null, Select + "WHERE drill = @drill " + Order, ("drill", drill), limit);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var fires = new List<MissedFire>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    fires.Add(new MissedFire(reader.GetString(0), database.ReadTime(reader, 1), database.ReadTime(reader, 2)));
                }

                return fires;
            },
            cancellationToken);
}

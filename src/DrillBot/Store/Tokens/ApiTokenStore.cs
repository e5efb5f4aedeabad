using System.Data.Common;
using DrillBot.Store.Data;

namespace DrillBot.Store.Tokens;

/// <summary><see cref="IApiTokenStore"/> on <c>drillbot_api_tokens</c>; scopes are kept as a comma-separated list.</summary>
internal sealed class ApiTokenStore(StoreDatabase database) : IApiTokenStore
{
    private const string Columns = "name, token_hash, scopes, created_at, created_by, revoked_at, revoked_by";

    public Task<bool> CreateAsync(ApiTokenRecord token, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = database.Command(
                    connection,
                    transaction,
                    $"INSERT INTO drillbot_api_tokens ({Columns}) VALUES (@name, @hash, @scopes, @at, @by, NULL, NULL) ON CONFLICT (name) DO NOTHING",
                    ("name", token.Name),
                    ("hash", token.TokenHash),
                    ("scopes", string.Join(',', token.Scopes)),
                    ("at", token.CreatedAt),
                    ("by", token.CreatedBy));
                return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
            },
            cancellationToken);

    public Task<ApiTokenRecord?> FindByHashAsync(string tokenHash, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                await using var command = database.Command(connection, null, $"SELECT {Columns} FROM drillbot_api_tokens WHERE token_hash = @hash", ("hash", tokenHash));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
            },
            cancellationToken);

    public Task<IReadOnlyList<ApiTokenRecord>> ListAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<ApiTokenRecord>>(
            async connection =>
            {
                await using var command = database.Command(connection, null, $"SELECT {Columns} FROM drillbot_api_tokens ORDER BY created_at, name");
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var tokens = new List<ApiTokenRecord>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    tokens.Add(Read(reader));
                }

                return tokens;
            },
            cancellationToken);

    public Task<bool> RevokeAsync(string name, string by, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = database.Command(
                    connection,
                    transaction,
                    "UPDATE drillbot_api_tokens SET revoked_at = @at, revoked_by = @by WHERE name = @name AND revoked_at IS NULL",
                    ("at", at),
                    ("by", by),
                    ("name", name));
                return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
            },
            cancellationToken);

    private ApiTokenRecord Read(DbDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2).Split(',', StringSplitOptions.RemoveEmptyEntries), database.ReadTime(reader, 3), reader.GetString(4))
        {
            RevokedAt = database.ReadNullableTime(reader, 5),
            RevokedBy = reader.GetNullableString(6),
        };
}

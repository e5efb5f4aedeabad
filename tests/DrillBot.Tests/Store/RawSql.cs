using System.Data.Common;
using DrillBot.Store;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DrillBot.Tests.Store;

/// <summary>Direct SQL against a test database, to look behind the store's interfaces.</summary>
internal static class RawSql
{
    public static async Task<object?> ScalarAsync(StoreLocation location, string sql)
    {
        await using var connection = Connect(location);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public static async Task<long> CountAsync(StoreLocation location, string table) =>
        Convert.ToInt64(await ScalarAsync(location, $"SELECT COUNT(*) FROM {table}"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every DrillBot table column as <c>table.column</c>, sorted.</summary>
    public static async Task<IReadOnlyList<string>> ColumnsAsync(StoreLocation location)
    {
        var sql = location.Engine == StoreEngine.Postgres
            ? "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name LIKE 'drillbot%'"
            : "SELECT m.name || '.' || p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name LIKE 'drillbot%'";
        await using var connection = Connect(location);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var columns = new List<string>();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }

        columns.Sort(StringComparer.Ordinal);
        return columns;
    }

    public static DbConnection Connect(StoreLocation location) =>
        location.Engine == StoreEngine.Postgres
            ? new NpgsqlConnection(location.ConnectionString)
            : new SqliteConnection(location.ConnectionString);
}

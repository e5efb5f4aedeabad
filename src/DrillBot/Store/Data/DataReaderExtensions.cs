using System.Data.Common;

namespace DrillBot.Store.Data;

/// <summary>Null-aware column reads that behave the same on SQLite and PostgreSQL.</summary>
internal static class DataReaderExtensions
{
    public static string? GetNullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static double? GetNullableDouble(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);

    public static int GetInt32Value(this DbDataReader reader, int ordinal) =>
        checked((int)reader.GetInt64(ordinal));
}

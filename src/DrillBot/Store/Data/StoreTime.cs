using System.Globalization;

namespace DrillBot.Store.Data;

/// <summary>
/// How the store keeps time: UTC, truncated to whole microseconds (PostgreSQL's <c>timestamptz</c>
/// precision), so a value reads back equal on both engines.
/// </summary>
internal static class StoreTime
{
    /// <summary>The fixed-width text form SQLite stores; it sorts in time order.</summary>
    public const string SqliteFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static DateTimeOffset Normalize(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }

    public static string ToSqliteText(DateTimeOffset value) =>
        Normalize(value).ToString(SqliteFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset FromSqliteText(string text) =>
        DateTimeOffset.ParseExact(text, SqliteFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}

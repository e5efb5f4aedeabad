using System.Diagnostics.CodeAnalysis;

namespace DrillBot.Store;

/// <summary>
/// Where the store lives, parsed from <c>DRILLBOT_DB</c>: a SQLite file path or <c>Data Source=…</c>
/// string (default <c>./data/drillbot.db</c>), or a PostgreSQL connection string (<c>Host=…</c>).
/// <see cref="ToString"/> and <see cref="Display"/> never contain a password; only
/// <see cref="ConnectionString"/> does, for handing to the driver (or to Quartz).
/// </summary>
public sealed record StoreLocation
{
    /// <summary>The environment variable the location is read from.</summary>
    public const string VariableName = "DRILLBOT_DB";

    /// <summary>The SQLite file used when <c>DRILLBOT_DB</c> is unset or empty.</summary>
    public const string DefaultPath = "./data/drillbot.db";

    internal StoreLocation(StoreEngine engine, string connectionString, string display)
    {
        Engine = engine;
        ConnectionString = connectionString;
        Display = display;
    }

    /// <summary>The engine: SQLite or PostgreSQL.</summary>
    public StoreEngine Engine { get; }

    /// <summary>
    /// The driver connection string (for SQLite with an absolute <c>Data Source</c>). May contain a
    /// password: never log it, use <see cref="Display"/>.
    /// </summary>
    public string ConnectionString { get; }

    /// <summary>The location for messages and logs, password removed.</summary>
    public string Display { get; }

    /// <summary>Parses a <c>DRILLBOT_DB</c> value; null or blank means the default SQLite file.</summary>
    /// <exception cref="StoreException">The value is not usable; the message is one line naming DRILLBOT_DB.</exception>
    public static StoreLocation Parse(string? value) =>
        TryParse(value, out var location, out var error) ? location : throw new StoreException(error);

    /// <summary>Parses a <c>DRILLBOT_DB</c> value without throwing.</summary>
    public static bool TryParse(
        string? value,
        [NotNullWhen(true)] out StoreLocation? location,
        [NotNullWhen(false)] out string? error) =>
        StoreLocationParser.TryParse(value, out location, out error);

    /// <inheritdoc />
    public override string ToString() => $"{Engine}: {Display}";
}

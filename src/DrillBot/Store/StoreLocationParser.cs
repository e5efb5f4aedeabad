using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DrillBot.Store;

/// <summary>The rules that turn a <c>DRILLBOT_DB</c> value into a <see cref="StoreLocation"/>.</summary>
internal static partial class StoreLocationParser
{
    private const string Expected =
        "expected a SQLite file path, 'Data Source=<file>', or a PostgreSQL connection string 'Host=…;Database=…;Username=…'";

    private static readonly string[] PostgresKeys = ["host", "server"];
    private static readonly string[] SqliteKeys = ["data source", "datasource", "filename"];

    public static bool TryParse(
        string? value,
        [NotNullWhen(true)] out StoreLocation? location,
        [NotNullWhen(false)] out string? error)
    {
        location = null;
        var text = string.IsNullOrWhiteSpace(value) ? StoreLocation.DefaultPath : value.Trim();
        if (text.Contains("://", StringComparison.Ordinal))
        {
            error = Fail(text, "URLs are not supported; " + Expected);
            return false;
        }

        if (!text.Contains('=', StringComparison.Ordinal))
        {
            return TrySqlitePath(text, null, out location, out error);
        }

        var keys = ReadKeys(text);
        if (keys is null)
        {
            error = Fail(text, "not a valid connection string; " + Expected);
            return false;
        }

        if (keys.Overlaps(PostgresKeys))
        {
            return TryPostgres(text, out location, out error);
        }

        if (keys.Overlaps(SqliteKeys))
        {
            return TrySqlite(text, out location, out error);
        }

        error = Fail(text, "unrecognized connection string; " + Expected);
        return false;
    }

    private static HashSet<string>? ReadKeys(string text)
    {
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = text };
            var keys = builder.Keys.Cast<string>().Select(k => k.Trim().ToLowerInvariant()).ToHashSet();

            // the builder drops keys with empty values ("Host=;…"): still decide the engine by them
            keys.UnionWith(KeyNames().Matches(text).Select(m => m.Groups["key"].Value.Trim().ToLowerInvariant()));
            return keys;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool TryPostgres(string text, [NotNullWhen(true)] out StoreLocation? location, [NotNullWhen(false)] out string? error)
    {
        location = null;
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(text);
        }
        catch (ArgumentException e)
        {
            error = Fail(text, "not a valid PostgreSQL connection string: " + e.Message);
            return false;
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            error = Fail(text, "the PostgreSQL connection string has an empty Host");
            return false;
        }

        var display = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Password = null };
        location = new StoreLocation(StoreEngine.Postgres, builder.ConnectionString, ConnectionStringRedactor.Redact(display.ConnectionString));
        error = null;
        return true;
    }

    private static bool TrySqlite(string text, [NotNullWhen(true)] out StoreLocation? location, [NotNullWhen(false)] out string? error)
    {
        location = null;
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(text);
        }
        catch (ArgumentException e)
        {
            error = Fail(text, "not a valid SQLite connection string: " + e.Message);
            return false;
        }

        if (builder.Mode is SqliteOpenMode.Memory or SqliteOpenMode.ReadOnly)
        {
            error = Fail(text, $"SQLite Mode={builder.Mode} cannot hold durable state; use a writable file");
            return false;
        }

        return TrySqlitePath(builder.DataSource, builder, out location, out error);
    }

    private static bool TrySqlitePath(
        string path,
        SqliteConnectionStringBuilder? options,
        [NotNullWhen(true)] out StoreLocation? location,
        [NotNullWhen(false)] out string? error)
    {
        location = null;
        var trimmed = path.Trim();
        if (trimmed.Length == 0 || trimmed == ":memory:")
        {
            error = Fail(path, "an in-memory or empty SQLite data source cannot hold durable state; give a file path such as " + StoreLocation.DefaultPath);
            return false;
        }

        string full;
        try
        {
            full = Path.GetFullPath(trimmed);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            error = Fail(path, "not a usable file path: " + e.Message);
            return false;
        }

        if (Directory.Exists(full) || trimmed.EndsWith('/') || trimmed.EndsWith('\\'))
        {
            error = Fail(path, "is a directory; give a SQLite database file path such as " + StoreLocation.DefaultPath);
            return false;
        }

        var builder = options is null ? new SqliteConnectionStringBuilder() : new SqliteConnectionStringBuilder(options.ConnectionString);
        builder.DataSource = full;
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        location = new StoreLocation(StoreEngine.Sqlite, builder.ConnectionString, full);
        error = null;
        return true;
    }

    [GeneratedRegex("(?:^|;)\\s*(?<key>[A-Za-z][A-Za-z ]*?)\\s*=", RegexOptions.CultureInvariant)]
    private static partial Regex KeyNames();

    private static string Fail(string value, string reason) =>
        $"{StoreLocation.VariableName}: '{ConnectionStringRedactor.Redact(value)}' is not usable: {ConnectionStringRedactor.Redact(reason)}.";
}

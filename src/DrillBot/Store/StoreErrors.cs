using Npgsql;

namespace DrillBot.Store;

/// <summary>One-line, password-free descriptions of database failures.</summary>
internal static class StoreErrors
{
    public static string Describe(StoreLocation location, string what, Exception error)
    {
        var password = location.Engine == StoreEngine.Postgres ? new NpgsqlConnectionStringBuilder(location.ConnectionString).Password : null;
        var reason = ConnectionStringRedactor.Redact(error.Message, password);
        var engine = location.Engine == StoreEngine.Postgres ? "PostgreSQL" : "SQLite";
        return $"{StoreLocation.VariableName}: {what} the {engine} database {location.Display}: {reason}";
    }
}

using System.Data.Common;

namespace DrillBot.Hosting;

/// <summary>Finds the password in a database connection string, so it can be kept out of every output.</summary>
internal static class ConnectionStringSecrets
{
    public static string? PasswordOf(string connectionString)
    {
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
            foreach (var key in new[] { "Password", "Pwd" })
            {
                if (builder.TryGetValue(key, out var value) && value is string { Length: > 0 } password)
                {
                    return password;
                }
            }
        }
        catch (ArgumentException)
        {
            // not a key=value string (a SQLite path): no password
        }

        return null;
    }
}

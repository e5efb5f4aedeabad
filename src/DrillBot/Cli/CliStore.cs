using DrillBot.Store;
using Spectre.Console;

namespace DrillBot.Cli;

/// <summary>The store named by <c>DRILLBOT_DB</c> (keyed with <c>DRILLBOT_AUDIT_KEY</c>) for the commands that read or change it.</summary>
internal static class CliStore
{
    /// <summary>Who a CLI command acts as (<c>user@host</c>) and where from (<c>cli:user@host</c>), for the audit log.</summary>
    public static string Who => $"{Environment.UserName}@{Environment.MachineName}";

    public static string Source => "cli:" + Who;

    /// <summary>
    /// The opened store; null after printing one error line, with the exit code to return (2 bad variable, 3 cannot open).
    /// With <paramref name="mustExist"/> a SQLite file that does not exist is not created (the answer is then "nothing yet").
    /// </summary>
    public static async Task<(IDrillBotStore? Store, int ExitCode)> OpenAsync(CliEnvironment env, bool mustExist, CancellationToken cancellationToken)
    {
        if (!StoreLocation.TryParse(env.Variables(StoreLocation.VariableName), out var location, out var error))
        {
            env.Fail(error);
            return (null, ExitCodes.InvalidInput);
        }

        if (mustExist && location.Engine == StoreEngine.Sqlite && SqlitePath(location) is { } file && !File.Exists(file))
        {
            env.Out.MarkupLine(Markup.Escape($"nothing yet: there is no database at {location.Display}"));
            return (null, ExitCodes.Passed);
        }

        try
        {
            return (await StoreFactory.OpenAsync(location, TimeProvider.System, null, cancellationToken, AuditKeys.Of(env.Variables(AuditKeys.VariableName))), ExitCodes.Passed);
        }
        catch (StoreException e)
        {
            env.Fail(e.Message);
            return (null, ExitCodes.Errored);
        }
    }

    private static string? SqlitePath(StoreLocation location) =>
        new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(location.ConnectionString).DataSource is { Length: > 0 } path ? path : null;
}

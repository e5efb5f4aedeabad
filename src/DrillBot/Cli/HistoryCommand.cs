using System.CommandLine;
using System.Globalization;
using DrillBot.Drills.Running;
using DrillBot.Store.Runs;
using DrillBot.Store;
using Spectre.Console;

namespace DrillBot.Cli;

/// <summary><c>drillbot history [NAME] [--limit N]</c>: past runs from the store named by DRILLBOT_DB (the same data as <c>GET /api/runs</c>).</summary>
internal static class HistoryCommand
{
    public static Command Create()
    {
        var name = new Argument<string?>("name") { Description = "only runs of this drill", Arity = ArgumentArity.ZeroOrOne };
        var limit = new Option<int>("--limit", "-n") { Description = "how many runs (1-500, default 20)", DefaultValueFactory = _ => 20 };
        var command = new Command("history", "Past runs from the store (DRILLBOT_DB).") { name, limit };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(name), parse.GetValue(limit), ct));
        return command;
    }

    public static async Task<int> RunAsync(string? drill, int limit, CancellationToken cancellationToken)
    {
        var env = CliEnvironment.Get();
        if (limit is < 1 or > 500)
        {
            env.Fail($"--limit must be from 1 to 500, got {limit}");
            return ExitCodes.InvalidInput;
        }

        if (!StoreLocation.TryParse(env.Variables(StoreLocation.VariableName), out var location, out var error))
        {
            env.Fail(error);
            return ExitCodes.InvalidInput;
        }

        if (location.Engine == StoreEngine.Sqlite && SqlitePath(location) is { } file && !File.Exists(file))
        {
            env.Out.MarkupLine(Markup.Escape($"no history yet: there is no database at {location.Display}"));
            return ExitCodes.Passed;
        }

        try
        {
            await using var store = await StoreFactory.OpenAsync(location, TimeProvider.System, null, cancellationToken);
            var runs = await store.Runs.ListLatestAsync(limit, drill, cancellationToken);
            Write(env, runs, drill);
            return ExitCodes.Passed;
        }
        catch (StoreException e)
        {
            env.Fail(e.Message);
            return ExitCodes.Errored;
        }
    }

    private static void Write(CliEnvironment env, IReadOnlyList<RunSummary> runs, string? drill)
    {
        if (runs.Count == 0)
        {
            env.Out.MarkupLine(Markup.Escape(drill is null ? "no runs yet" : $"no runs of {drill} yet"));
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("run", "drill", "started (UTC)", "trigger", "status", "verdict", "recovery", "restore", "summary");
        foreach (var r in runs)
        {
            table.AddRow(
                Markup.Escape(r.RunId),
                Markup.Escape(r.Drill),
                r.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                Markup.Escape($"{r.Trigger.Kind.WireName()} {r.Trigger.By}"
                    + (r.OverrideBlackout is { } blackout ? $" (overrode blackout {blackout}: {r.Trigger.OverrideBlackoutReason})" : string.Empty)
                    + (r.ApprovalId is { } approval ? $" (approved: {approval})" : string.Empty)),
                Markup.Escape(r.Status.WireName()),
                Markup.Escape(r.Verdict?.WireName() ?? "-"),
                r.Recovery is { } rec ? rec.TotalSeconds.ToString("0.###s", CultureInfo.InvariantCulture) : "-",
                Markup.Escape(r.RestoreStatus?.WireName() ?? "-"),
                Markup.Escape(r.Summary ?? string.Empty));
        }

        env.Out.Write(table);
    }

    private static string? SqlitePath(StoreLocation location) =>
        new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(location.ConnectionString).DataSource is { Length: > 0 } path ? path : null;
}

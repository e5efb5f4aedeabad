using System.CommandLine;
using System.Text.Json.Nodes;
using DrillBot.Governance.Audit;
using DrillBot.Store;
using DrillBot.Store.Runs;
using Spectre.Console;

namespace DrillBot.Cli;

/// <summary>
/// <c>drillbot freeze REASON</c> / <c>drillbot unfreeze</c> on the store named by DRILLBOT_DB (docs/service.md, "Freeze"):
/// every replica sharing it aborts its running drills within a second (each restores and reports <c>aborted: frozen by
/// user@host: REASON</c>) and refuses new ones until unfrozen. Exit 0 done (or already so, said), 2 no reason, 3 store.
/// </summary>
internal static class FreezeCommand
{
    public static Command CreateFreeze()
    {
        var reason = new Argument<string[]>("reason") { Description = "why (shown to everyone and in every aborted report)", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("freeze", "Stop every running drill on every replica and refuse new ones until unfrozen (DRILLBOT_DB).") { reason };
        command.SetAction((parse, ct) => FreezeAsync(string.Join(' ', parse.GetValue(reason) ?? []), ct));
        return command;
    }

    public static Command CreateUnfreeze()
    {
        var command = new Command("unfreeze", "Lift the freeze: drills may start again (DRILLBOT_DB).");
        command.SetAction((_, ct) => UnfreezeAsync(ct));
        return command;
    }

    public static async Task<int> FreezeAsync(string reason, CancellationToken cancellationToken)
    {
        var env = CliEnvironment.Get();
        if (string.IsNullOrWhiteSpace(reason))
        {
            env.Fail("freeze needs a reason, e.g. drillbot freeze \"incident INC-42 in cn-hangzhou\"");
            return ExitCodes.InvalidInput;
        }

        var (store, code) = await CliStore.OpenAsync(env, mustExist: false, cancellationToken);
        if (store is null)
        {
            return code;
        }

        await using (store)
        {
            var entry = AuditLog.Entry(CliStore.Who, CliStore.Source, AuditActions.Freeze, new JsonObject { ["reason"] = reason.Trim() });
            var change = await store.Freeze.FreezeAsync(CliStore.Who, CliStore.Source, reason.Trim(), entry, cancellationToken);
            if (!change.Changed)
            {
                env.Out.MarkupLine(Markup.Escape($"already frozen by {change.State.By} since {change.State.Since:u}: {change.State.Reason}"));
                return ExitCodes.Passed;
            }

            env.Out.MarkupLine(Markup.Escape($"frozen by {change.State.By}: {change.State.Reason}"));
            env.Out.MarkupLine(Markup.Escape(change.Running.Count == 0 ? "no drill was running" : $"stopping {Runs(change.Running)}: each replica aborts its run within a second, restores and reports it"));
            return ExitCodes.Passed;
        }
    }

    public static async Task<int> UnfreezeAsync(CancellationToken cancellationToken)
    {
        var env = CliEnvironment.Get();
        var (store, code) = await CliStore.OpenAsync(env, mustExist: false, cancellationToken);
        if (store is null)
        {
            return code;
        }

        await using (store)
        {
            var change = await store.Freeze.UnfreezeAsync(CliStore.Who, AuditLog.Entry(CliStore.Who, CliStore.Source, AuditActions.Unfreeze, []), cancellationToken);
            env.Out.MarkupLine(Markup.Escape(change.Changed ? $"unfrozen by {CliStore.Who} (was frozen by {change.State.By}: {change.State.Reason})" : "not frozen: nothing to lift"));
            return ExitCodes.Passed;
        }
    }

    private static string Runs(IReadOnlyList<RunSummary> runs) => string.Join(", ", runs.Select(r => $"{r.RunId} ({r.Drill} on {r.OwnerInstance})"));
}

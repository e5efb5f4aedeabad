using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DrillBot.Governance.Audit;
using DrillBot.Store.Audit;
using Spectre.Console;

namespace DrillBot.Cli;

/// <summary>
/// <c>drillbot audit [--since T] [--drill NAME] [--limit N] [--json]</c> reads the audit log of DRILLBOT_DB (the same as
/// <c>GET /api/audit</c>); <c>drillbot audit verify [--json]</c> recomputes its hash chain: exit 0 intact, 1 broken
/// (every break printed: an edited, inserted or deleted event), 2 bad input, 3 store.
/// </summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var since = new Option<string?>("--since") { Description = "events at or after this time (2025-03-04T03:00:00Z) or age (24h, 7d)" };
        var drill = new Option<string?>("--drill") { Description = "only events of this drill" };
        var limit = new Option<int>("--limit", "-n") { Description = "the newest N events (1-10000, default 100)", DefaultValueFactory = _ => 100 };
        var json = new Option<bool>("--json") { Description = "JSON ({events: [...]}) instead of a table" };
        var command = new Command("audit", "The append-only audit log from the store (DRILLBOT_DB).") { since, drill, limit, json };
        command.SetAction((parse, ct) => ListAsync(parse.GetValue(since), parse.GetValue(drill), parse.GetValue(limit), parse.GetValue(json), ct));

        var verifyJson = new Option<bool>("--json") { Description = "JSON ({intact, events, problems})" };
        var verify = new Command("verify", "Recompute the audit log's hash chain; exit 1 when an event was edited, inserted or deleted.") { verifyJson };
        verify.SetAction((parse, ct) => VerifyAsync(parse.GetValue(verifyJson), ct));
        command.Subcommands.Add(verify);
        return command;
    }

    public static async Task<int> ListAsync(string? sinceText, string? drill, int limit, bool json, CancellationToken cancellationToken)
    {
        var env = CliEnvironment.Get();
        if (limit is < 1 or > 10_000)
        {
            env.Fail($"--limit must be from 1 to 10000, got {limit}");
            return ExitCodes.InvalidInput;
        }

        DateTimeOffset? since = null;
        if (sinceText is not null)
        {
            since = AuditSince.Parse(sinceText, TimeProvider.System.GetUtcNow());
            if (since is null)
            {
                env.Fail($"--since must be a time such as 2025-03-04T03:00:00Z or an age such as 24h or 7d, got '{sinceText}'");
                return ExitCodes.InvalidInput;
            }
        }

        var (store, code) = await CliStore.OpenAsync(env, mustExist: true, cancellationToken);
        if (store is null)
        {
            return code;
        }

        await using (store)
        {
            var records = await store.Audit.ListAsync(new AuditQuery(since, string.IsNullOrWhiteSpace(drill) ? null : drill, limit), cancellationToken);
            if (json)
            {
                var document = new JsonObject { ["events"] = new JsonArray([.. records.Select(r => (JsonNode?)AuditDocuments.Of(r))]) };
                env.Out.Profile.Out.Writer.WriteLine(document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                return ExitCodes.Passed;
            }

            Write(env, records);
            return ExitCodes.Passed;
        }
    }

    public static async Task<int> VerifyAsync(bool json, CancellationToken cancellationToken)
    {
        var env = CliEnvironment.Get();
        var (store, code) = await CliStore.OpenAsync(env, mustExist: true, cancellationToken);
        if (store is null)
        {
            return code;
        }

        await using (store)
        {
            var result = await store.Audit.VerifyAsync(cancellationToken);
            if (json)
            {
                env.Out.Profile.Out.Writer.WriteLine(AuditDocuments.Verification(result).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            }
            else if (result.Intact)
            {
                env.Out.MarkupLine(Markup.Escape($"audit log intact: {result.Checked} event(s), hash chain verified"));
            }
            else
            {
                foreach (var problem in result.Problems)
                {
                    env.Error.WriteLine($"audit: {problem}");
                }

                env.Error.WriteLine($"audit log BROKEN: {result.Problems.Count} problem(s) in {result.Checked} event(s)");
            }

            return result.Intact ? ExitCodes.Passed : ExitCodes.Failed;
        }
    }

    private static void Write(CliEnvironment env, IReadOnlyList<AuditRecord> records)
    {
        if (records.Count == 0)
        {
            env.Out.MarkupLine("no audit events");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("seq", "at (UTC)", "actor", "source", "action", "drill", "run / approval", "detail");
        foreach (var r in records)
        {
            table.AddRow(
                r.Seq.ToString(CultureInfo.InvariantCulture),
                r.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                Markup.Escape(r.Entry.Actor),
                Markup.Escape(r.Entry.Source),
                Markup.Escape(r.Entry.Action),
                Markup.Escape(r.Entry.Drill ?? "-"),
                Markup.Escape(r.Entry.RunId ?? r.Entry.ApprovalId ?? "-"),
                Markup.Escape(r.Entry.DetailJson.Length > 160 ? r.Entry.DetailJson[..157] + "..." : r.Entry.DetailJson));
        }

        env.Out.Write(table);
    }
}

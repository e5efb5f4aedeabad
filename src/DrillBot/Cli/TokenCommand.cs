using System.CommandLine;
using System.Globalization;
using DrillBot.Governance.Tokens;
using Spectre.Console;

namespace DrillBot.Cli;

/// <summary>
/// Named API tokens in the store of DRILLBOT_DB (docs/service.md, "API tokens"): <c>drillbot token create NAME --scope
/// run --scope read</c> prints the token once (only its SHA-256 is kept); <c>drillbot token list</c>; <c>drillbot token
/// revoke NAME</c>. Exit 0 done, 1 name taken / no such live token, 2 bad input, 3 store.
/// </summary>
internal static class TokenCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "the token's name, shown in the audit log (e.g. ci, grafana)" };
        var scopes = new Option<string[]>("--scope", "-s") { Description = $"what it may do: {string.Join(", ", ApiScopes.All)} (repeat or comma-separate)", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = true };
        var create = new Command("create", "Create a named API token; it is printed once.") { name, scopes };
        create.SetAction((parse, ct) => CreateAsync(parse.GetValue(name)!, parse.GetValue(scopes) ?? [], ct));

        var list = new Command("list", "Named API tokens (never the tokens themselves).");
        list.SetAction((_, ct) => ListAsync(ct));

        var revokeName = new Argument<string>("name") { Description = "the token to revoke" };
        var revoke = new Command("revoke", "Revoke a named API token at once (its name is never reused).") { revokeName };
        revoke.SetAction((parse, ct) => RevokeAsync(parse.GetValue(revokeName)!, ct));

        return new Command("token", "Named API tokens with scopes (DRILLBOT_DB).") { create, list, revoke };
    }

    public static async Task<int> CreateAsync(string name, IReadOnlyList<string> scopeArgs, CancellationToken cancellationToken)
    {
        var env = CliEnvironment.Get();
        if (!ApiTokens.IsValidName(name))
        {
            env.Fail($"token name must be {ApiTokens.NameRule}, got '{name}'");
            return ExitCodes.InvalidInput;
        }

        if (ApiScopes.Parse(scopeArgs, out var problem) is not { } scopes)
        {
            env.Fail($"--scope: {problem}");
            return ExitCodes.InvalidInput;
        }

        var (store, code) = await CliStore.OpenAsync(env, mustExist: false, cancellationToken);
        if (store is null)
        {
            return code;
        }

        await using (store)
        {
            var token = await ApiTokens.CreateAsync(store, name, scopes, CliStore.Who, CliStore.Source, TimeProvider.System, cancellationToken);
            if (token is null)
            {
                env.Fail($"a token named '{name}' exists (or existed: names of revoked tokens are not reused)");
                return ExitCodes.Failed;
            }

            env.Out.MarkupLine(Markup.Escape($"token {name} ({string.Join(",", scopes)}), shown once; DrillBot keeps only its SHA-256:"));
            env.Out.Profile.Out.Writer.WriteLine(token);
            return ExitCodes.Passed;
        }
    }

    public static async Task<int> ListAsync(CancellationToken cancellationToken)
    {
        var env = CliEnvironment.Get();
        var (store, code) = await CliStore.OpenAsync(env, mustExist: true, cancellationToken);
        if (store is null)
        {
            return code;
        }

        await using (store)
        {
            var tokens = await store.Tokens.ListAsync(cancellationToken);
            if (tokens.Count == 0)
            {
                env.Out.MarkupLine("no named tokens (create one with drillbot token create NAME --scope read)");
                return ExitCodes.Passed;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("name", "scopes", "created (UTC)", "by", "revoked");
            foreach (var t in tokens)
            {
                table.AddRow(
                    Markup.Escape(t.Name),
                    Markup.Escape(string.Join(",", t.Scopes)),
                    t.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    Markup.Escape(t.CreatedBy),
                    t.RevokedAt is { } at ? Markup.Escape($"{at.UtcDateTime:yyyy-MM-dd HH:mm} by {t.RevokedBy}") : "-");
            }

            env.Out.Write(table);
            return ExitCodes.Passed;
        }
    }

    public static async Task<int> RevokeAsync(string name, CancellationToken cancellationToken)
    {
        var env = CliEnvironment.Get();
        var (store, code) = await CliStore.OpenAsync(env, mustExist: false, cancellationToken);
        if (store is null)
        {
            return code;
        }

        await using (store)
        {
            if (!await ApiTokens.RevokeAsync(store, name, CliStore.Who, CliStore.Source, TimeProvider.System, cancellationToken))
            {
                env.Fail($"there is no live token '{name}'");
                return ExitCodes.Failed;
            }

            env.Out.MarkupLine(Markup.Escape($"token {name} revoked: requests with it get 401 from now on"));
            return ExitCodes.Passed;
        }
    }
}

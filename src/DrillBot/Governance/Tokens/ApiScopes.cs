namespace DrillBot.Governance.Tokens;

/// <summary>
/// What a named API token may do (docs/service.md, "API tokens"): <c>read</c> (drills, runs, reports, audit, freeze and
/// approval status), <c>run</c> (start and abort runs, ask for approvals, lift a freeze), <c>freeze</c> (freeze only:
/// broader than run on purpose, e.g. for an alerting webhook), <c>admin</c> (everything, and tokens).
/// </summary>
internal static class ApiScopes
{
    public const string Read = "read";
    public const string Run = "run";
    public const string Freeze = "freeze";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Read, Run, Freeze, Admin];

    /// <summary>True when a token with <paramref name="granted"/> may do what needs <paramref name="needed"/> (admin may do all).</summary>
    public static bool Allows(IReadOnlyCollection<string> granted, string needed) =>
        granted.Contains(Admin, StringComparer.Ordinal) || granted.Contains(needed, StringComparer.Ordinal);

    /// <summary>Parses <c>run,read</c> (any order, blanks ignored); null with <paramref name="problem"/> for an unknown or no scope.</summary>
    public static IReadOnlyList<string>? Parse(IEnumerable<string> scopes, out string? problem)
    {
        var parsed = scopes.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(s => s.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (parsed.FirstOrDefault(s => !All.Contains(s, StringComparer.Ordinal)) is { } unknown)
        {
            problem = $"unknown scope '{unknown}' (scopes: {string.Join(", ", All)})";
            return null;
        }

        if (parsed.Count == 0)
        {
            problem = $"give at least one scope ({string.Join(", ", All)})";
            return null;
        }

        problem = null;
        return parsed.OrderBy(s => All.ToList().IndexOf(s)).ToList();
    }
}

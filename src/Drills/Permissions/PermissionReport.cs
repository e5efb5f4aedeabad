namespace DrillBot.Drills.Permissions;

/// <summary>
/// The permission preflight's outcome: every check (reviews and the owner scan's reads) and every dry run; <see cref="Problems"/>
/// is one line per missing permission or refused dry run (docs/drills-yaml.md#permissions).
/// </summary>
public sealed record PermissionReport(IReadOnlyList<AccessResult> Checks, IReadOnlyList<DryRunResult> DryRuns, IReadOnlyList<string> Errors)
{
    public static PermissionReport Empty { get; } = new([], [], []);

    public IReadOnlyList<string> Problems =>
        [.. Errors, .. Checks.Where(c => !c.Allowed).Select(c => c.MissingLine()), .. DryRuns.Where(d => !d.Ok).Select(d => d.FailureLine())];

    public bool Ok => Problems.Count == 0;
}

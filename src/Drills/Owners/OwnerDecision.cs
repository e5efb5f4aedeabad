using DrillBot.Drills.Definitions;

namespace DrillBot.Drills.Owners;

/// <summary>
/// What a drill does about the owners found, by its <c>owners</c> policy: the findings with their action, those to pause, and
/// the one-line refusal when it cannot run (docs/drills-yaml.md#owners).
/// </summary>
internal sealed record OwnerDecision(IReadOnlyList<OwnerFinding> Findings, string? Refusal)
{
    public IReadOnlyList<OwnerFinding> ToPause => [.. Findings.Where(f => f.Action == OwnerAction.Paused)];

    public static OwnerDecision Of(IReadOnlyList<OwnerFinding> findings, OwnersPolicy policy)
    {
        var decided = findings.Select(f => f with
        {
            Action = !f.Acts ? OwnerAction.None
                : policy == OwnersPolicy.Ignore ? OwnerAction.Ignored
                : policy == OwnersPolicy.Pause && f.Pause is not null && f.CannotPause is null ? OwnerAction.Paused
                : OwnerAction.Refused,
        }).ToList();
        var refused = decided.Where(f => f.Action == OwnerAction.Refused).ToList();
        if (refused.Count == 0)
        {
            return new OwnerDecision(decided, null);
        }

        var reasons = string.Join("; ", refused.Select(f => policy == OwnersPolicy.Pause
            ? $"{f.Target.Kind} {f.Target.Namespace}/{f.Target.Name} is owned by {f.Describe()} ({f.Why}), which DrillBot cannot pause: {f.CannotPause}"
            : $"{f.Target.Kind} {f.Target.Namespace}/{f.Target.Name} is owned by {f.Describe()}: {f.Why}"));
        var next = policy == OwnersPolicy.Pause ? string.Empty
            : "; set `owners: pause` to pause it for the run (DrillBot restores it afterwards) or `owners: ignore` to run anyway (a revert then aborts the run)";
        return new OwnerDecision(decided, $"refused: {reasons}{next}");
    }
}

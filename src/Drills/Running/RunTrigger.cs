namespace DrillBot.Drills.Running;

/// <summary>
/// Who or what started a run: e.g. (Slack, "U2CERLKJA"), (Schedule, "quartz"), (Cli, "alice@laptop").
/// <see cref="OverrideBlackoutReason"/>: run even inside a blackout, for this reason (never for scheduled fires).
/// </summary>
public sealed record RunTrigger(TriggerKind Kind, string By)
{
    public string? OverrideBlackoutReason { get; init; }
}

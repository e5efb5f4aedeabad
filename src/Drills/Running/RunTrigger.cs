namespace DrillBot.Drills.Running;

/// <summary>Who or what started a run: e.g. (Slack, "U2CERLKJA"), (Schedule, "quartz"), (Cli, "alice@laptop").</summary>
public sealed record RunTrigger(TriggerKind Kind, string By);

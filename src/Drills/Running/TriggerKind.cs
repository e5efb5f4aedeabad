namespace DrillBot.Drills.Running;

/// <summary>What started a run (report field <c>trigger.kind</c>).</summary>
public enum TriggerKind
{
    Cli,
    Schedule,
    Slack,
    Api,
}

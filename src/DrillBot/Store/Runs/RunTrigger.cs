namespace DrillBot.Store.Runs;

/// <summary>What started a run and who (a Slack user id, a schedule name, an API client).</summary>
public sealed record RunTrigger(RunTriggerKind Kind, string By);

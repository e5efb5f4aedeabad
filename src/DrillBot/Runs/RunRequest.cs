using DrillBot.Drills.Running;

namespace DrillBot.Runs;

/// <summary>
/// A request to run a drill, from Slack, the API or the scheduler.
/// <paramref name="SlackUserId"/> is set for runs started in Slack (shown as a mention);
/// <paramref name="LinkBase"/> is the base address the request came in on (for report links when
/// <c>DRILLBOT_PUBLIC_URL</c> is unset).
/// </summary>
public sealed record RunRequest(string Drill, RunTrigger Trigger, bool DryRun = false, string? SlackUserId = null, Uri? LinkBase = null)
{
    private readonly string? source;

    /// <summary>
    /// Where the request came from, for the audit log: <c>slack:U123</c>, <c>api-token:NAME</c>, <c>schedule</c>,
    /// <c>cli:user@host</c>; by default derived from the trigger.
    /// </summary>
    public string Source
    {
        get => source ?? Trigger.Kind switch
        {
            TriggerKind.Slack => "slack:" + (SlackUserId ?? Trigger.By),
            TriggerKind.Schedule => "schedule",
            TriggerKind.Cli => "cli:" + Trigger.By,
            _ => "api",
        };
        init => source = value;
    }

    /// <summary>The approval this run starts under (drills with <c>approval</c>); null otherwise.</summary>
    public string? ApprovalId { get; init; }

    /// <summary>Set by the coordinator when it launches a run inside a blackout on the trigger's override: the blackout's name.</summary>
    public string? OverriddenBlackout { get; init; }

    /// <summary>
    /// A scheduled fire's time (null for other requests): a blackout covering it refuses the fire like one covering now,
    /// so a fire due inside a blackout never runs, even when Quartz hands it over late, after the blackout ended.
    /// </summary>
    public DateTimeOffset? ScheduledAt { get; init; }

    /// <summary>Run a control first (the API's <c>"control": true</c>): the drill's own <c>control:</c>, or the default one (docs/drills-yaml.md#control).</summary>
    public bool Control { get; init; }
}

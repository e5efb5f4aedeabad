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
    /// <summary>Run a control first (the API's <c>"control": true</c>): the drill's own <c>control:</c>, or the default one (docs/drills-yaml.md#control).</summary>
    public bool Control { get; init; }
}

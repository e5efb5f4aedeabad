using System.Text.Json.Serialization;

namespace DrillBot.Drills.Running;

/// <summary>Where a run is (API and Slack <c>phase</c>); wire names via <see cref="WireNames"/>.</summary>
public enum RunPhase
{
    [JsonStringEnumMemberName("pending")]
    Pending,

    [JsonStringEnumMemberName("preflight")]
    Preflight,

    [JsonStringEnumMemberName("steadystate")]
    SteadyState,

    /// <summary>The control run: the fault without the remediation, restored (docs/drills-yaml.md#control).</summary>
    [JsonStringEnumMemberName("control")]
    Control,

    [JsonStringEnumMemberName("steps")]
    Steps,

    [JsonStringEnumMemberName("observe")]
    Observe,

    [JsonStringEnumMemberName("restore")]
    Restore,

    [JsonStringEnumMemberName("failback")]
    Failback,

    [JsonStringEnumMemberName("finished")]
    Finished,
}

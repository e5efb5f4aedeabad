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

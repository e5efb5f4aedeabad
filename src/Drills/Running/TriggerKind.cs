using System.Text.Json.Serialization;

namespace DrillBot.Drills.Running;

/// <summary>What started a run (report <c>trigger.kind</c>, SQL <c>trigger_kind</c>); wire names via <see cref="WireNames"/>.</summary>
public enum TriggerKind
{
    /// <summary><c>drillbot run</c> on a terminal.</summary>
    [JsonStringEnumMemberName("cli")]
    Cli,

    /// <summary>A drill's schedule fired.</summary>
    [JsonStringEnumMemberName("schedule")]
    Schedule,

    /// <summary><c>/drill run</c> in Slack.</summary>
    [JsonStringEnumMemberName("slack")]
    Slack,

    /// <summary><c>POST /api/drills/{name}/runs</c>.</summary>
    [JsonStringEnumMemberName("api")]
    Api,
}

using System.Text.Json.Serialization;

namespace DrillBot.Drills.Owners;

/// <summary>What the run did about an owner (report <c>owners[].action</c>); wire names via <c>WireNames</c>.</summary>
public enum OwnerAction
{
    /// <summary>It would not undo the drill's change (paused already, not self-healing, an HPA at 0 replicas): nothing to do.</summary>
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>Paused for the run (journaled) and restored with the drill's other changes.</summary>
    [JsonStringEnumMemberName("paused")]
    Paused,

    /// <summary>The run refused to start because of it.</summary>
    [JsonStringEnumMemberName("refused")]
    Refused,

    /// <summary>Left running (<c>owners: ignore</c>); a revert would abort the run as drift.</summary>
    [JsonStringEnumMemberName("ignored")]
    Ignored,
}

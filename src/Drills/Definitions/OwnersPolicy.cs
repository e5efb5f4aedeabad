using System.Text.Json.Serialization;

namespace DrillBot.Drills.Definitions;

/// <summary>
/// What a drill does about a controller that would undo its changes (drills.yaml <c>owners</c>, docs/drills-yaml.md#owners);
/// wire names via <c>WireNames</c>.
/// </summary>
public enum OwnersPolicy
{
    /// <summary>Refuse to run, naming the owner and how to proceed (the default).</summary>
    [JsonStringEnumMemberName("refuse")]
    Refuse,

    /// <summary>Pause each owner before the first step (journaled like any change) and restore it afterwards.</summary>
    [JsonStringEnumMemberName("pause")]
    Pause,

    /// <summary>Run anyway; the owners are listed, and a revert during the run aborts it (drift).</summary>
    [JsonStringEnumMemberName("ignore")]
    Ignore,
}

using System.Text.Json.Serialization;

namespace DrillBot.Store.Runs;

/// <summary>Where a run stands in the service's history (SQL <c>status</c>, API <c>status</c>); wire names via <see cref="Drills.Running.WireNames"/>.</summary>
public enum RunStatus
{
    /// <summary>In progress on its owner instance.</summary>
    [JsonStringEnumMemberName("running")]
    Running,

    /// <summary>Ended normally (whatever the verdict).</summary>
    [JsonStringEnumMemberName("finished")]
    Finished,

    /// <summary>Its owner died mid-run; restoring (or the restore failed).</summary>
    [JsonStringEnumMemberName("interrupted")]
    Interrupted,

    /// <summary>Its owner died mid-run and another start restored the state.</summary>
    [JsonStringEnumMemberName("restored-after-interruption")]
    RestoredAfterInterruption,
}

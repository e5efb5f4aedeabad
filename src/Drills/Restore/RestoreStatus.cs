using System.Text.Json.Serialization;
using DrillBot.Drills.Running;

namespace DrillBot.Drills.Restore;

/// <summary>How the restore of a run ended (report <c>restore.status</c>, SQL <c>restore_status</c>, label <c>status</c>); wire names via <see cref="WireNames"/>.</summary>
public enum RestoreStatus
{
    /// <summary>Every object re-read and equal to its prior state.</summary>
    [JsonStringEnumMemberName("verified")]
    Verified,

    /// <summary>Every object restored, but someone else's concurrent change was kept (see conflicts).</summary>
    [JsonStringEnumMemberName("restored")]
    Restored,

    /// <summary>At least one object could not be restored: state may still be changed.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,
}

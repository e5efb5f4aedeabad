using System.Text.Json.Serialization;

namespace DrillBot.Store.Approvals;

/// <summary>Where an approval request stands (SQL <c>status</c>, API <c>status</c>); wire names via <see cref="Drills.Running.WireNames"/>.</summary>
public enum ApprovalStatus
{
    /// <summary>Waiting for its approvers.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,

    /// <summary>Enough distinct approvers approved; the run may start once.</summary>
    [JsonStringEnumMemberName("approved")]
    Approved,

    /// <summary>An approver (or the requester) rejected it; it never runs.</summary>
    [JsonStringEnumMemberName("rejected")]
    Rejected,

    /// <summary>Its time ran out before it was approved or used.</summary>
    [JsonStringEnumMemberName("expired")]
    Expired,

    /// <summary>A run started under it; it cannot start another.</summary>
    [JsonStringEnumMemberName("used")]
    Used,
}

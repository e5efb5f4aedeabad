using DrillBot.Drills.Restore;

namespace DrillBot.Drills.Reports;

/// <summary>Report field <c>restore</c>.</summary>
public sealed record RestoreInfo(
    RestoreStatus Status,
    double? FailbackSeconds,
    IReadOnlyList<RestoreObjectInfo> Objects,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt)
{
    /// <summary>The class (region) that served when failback was proved (docs/drills-yaml.md#restore).</summary>
    public string? FailbackServedBy { get; init; }
}

/// <summary>One restored object, with before (prior), during (drill) and after (restored) field values as JSON maps.</summary>
public sealed record RestoreObjectInfo(
    string Cluster,
    string Kind,
    string Namespace,
    string Name,
    bool Ok,
    bool Verified,
    string Step,
    string Before,
    string During,
    string? After,
    IReadOnlyList<string> Conflicts,
    string? Error);

using DrillBot.Drills.Journal;

namespace DrillBot.Drills.Restore;

/// <summary>
/// The restore of one changed object. <see cref="Before"/>, <see cref="During"/> and <see cref="After"/>
/// are compact JSON maps from field path to value: before the drill, as the drill set it, after restore.
/// <see cref="Verified"/>: re-read and equal to its prior state. <see cref="Conflicts"/>: changes by
/// someone else that restore kept.
/// </summary>
public sealed record RestoreItemResult(
    ObjectRef Target,
    string Step,
    bool Ok,
    bool Verified,
    string Before,
    string During,
    string? After,
    IReadOnlyList<string> Conflicts,
    string? Error);

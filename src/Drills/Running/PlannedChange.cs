using DrillBot.Drills.Journal;

namespace DrillBot.Drills.Running;

/// <summary>
/// One step of a dry run: what it would change (<see cref="Before"/>/<see cref="After"/> are compact
/// JSON maps of field path to value), and how restore would undo it. <see cref="Problem"/> says why
/// it could not run (e.g. the object does not exist).
/// </summary>
public sealed record PlannedChange(int Index, string Kind, string Description, ObjectRef? Target, string? Before, string? After, string Restore, bool Fault, string? Problem);

namespace DrillBot.Drills.Definitions;

/// <summary>
/// <c>approval.schedule</c>: the drill's schedule was approved once (a standard change), by whom and under which
/// reference, optionally until a day (inclusive, in the drill's time zone). Scheduled fires after it are skipped.
/// </summary>
public sealed record SchedulePreApproval(string ApprovedBy, string Reference, DateOnly? Until)
{
    /// <summary>True when a fire at <paramref name="at"/> is covered (<see cref="Until"/> is the last day, in <paramref name="zone"/>).</summary>
    public bool Covers(DateTimeOffset at, TimeZoneInfo zone) =>
        Until is not { } last || DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime) <= last;
}

using DrillBot.Drills.Definitions;

namespace DrillBot.Drills.Scheduling;

/// <summary>
/// A blackout window covering an instant, and when it ends. <see cref="At"/> is the one blackout check every path
/// calls: the engine's preflight and dry run, the service's start of any run, and <c>drillbot list</c>.
/// </summary>
public sealed record ActiveBlackout(BlackoutDefinition Window, DateTimeOffset? Until)
{
    /// <summary>The first of <paramref name="blackouts"/> covering <paramref name="now"/> with its end, or null when none does.</summary>
    public static ActiveBlackout? At(IEnumerable<BlackoutDefinition> blackouts, DateTimeOffset now) =>
        BlackoutCalendar.ActiveAt(blackouts, now) is { } window ? new ActiveBlackout(window, BlackoutCalendar.EndOf(window, now)) : null;
}

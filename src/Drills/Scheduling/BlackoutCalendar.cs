using DrillBot.Drills.Definitions;

namespace DrillBot.Drills.Scheduling;

/// <summary>Evaluates blackout windows (cron, second resolution, in each blackout's time zone).</summary>
public static class BlackoutCalendar
{
    /// <summary>The first blackout covering <paramref name="now"/>, or null.</summary>
    public static BlackoutDefinition? ActiveAt(IEnumerable<BlackoutDefinition> blackouts, DateTimeOffset now) =>
        blackouts.FirstOrDefault(b => b.Window.Includes(Truncate(now)));

    /// <summary>When the blackout covering <paramref name="now"/> ends (first instant it no longer matches), or null.</summary>
    public static DateTimeOffset? EndOf(BlackoutDefinition blackout, DateTimeOffset now) =>
        blackout.Window.NextExcludedAfter(Truncate(now));

    private static DateTimeOffset Truncate(DateTimeOffset t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), t.Offset);
}

using DrillBot.Drills.Definitions;
using Quartz;

namespace DrillBot.Drills.Scheduling;

/// <summary>Evaluates blackout windows (Quartz cron, second resolution, in each blackout's time zone).</summary>
public static class BlackoutCalendar
{
    /// <summary>The first blackout covering <paramref name="now"/>, or null.</summary>
    public static BlackoutDefinition? ActiveAt(IEnumerable<BlackoutDefinition> blackouts, DateTimeOffset now) =>
        blackouts.FirstOrDefault(b => new CronExpression(b.Cron, b.TimeZone).IsSatisfiedBy(Truncate(now)));

    /// <summary>When the blackout covering <paramref name="now"/> ends (first instant it no longer matches), or null.</summary>
    public static DateTimeOffset? EndOf(BlackoutDefinition blackout, DateTimeOffset now) =>
        new CronExpression(blackout.Cron, blackout.TimeZone).GetNextInvalidTimeAfter(Truncate(now));

    private static DateTimeOffset Truncate(DateTimeOffset t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), t.Offset);
}

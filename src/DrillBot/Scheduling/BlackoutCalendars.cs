using DrillBot.Drills.Definitions;
using Quartz;
using Quartz.Impl.Calendar;

namespace DrillBot.Scheduling;

/// <summary>The blackouts as one Quartz calendar (a chain of <see cref="CronCalendar"/>s, each in its time zone): excluded fires are skipped, not delayed.</summary>
internal static class BlackoutCalendars
{
    public const string Name = "blackouts";

    public static ICalendar Build(IReadOnlyList<BlackoutDefinition> blackouts)
    {
        ICalendar calendar = new BaseCalendar { Description = "no blackouts" };
        foreach (var blackout in blackouts)
        {
            calendar = new CronCalendar(calendar, blackout.Cron, blackout.TimeZone) { Description = "blackout " + blackout.Name };
        }

        return calendar;
    }
}

using DrillBot.Drills.Definitions;
using Quartz;
using Quartz.Impl.Calendar;

namespace DrillBot.Scheduling;

/// <summary>The blackouts as one Quartz calendar (a chain of <see cref="CronCalendar"/>s, each in its time zone): excluded fires are skipped, not delayed.</summary>
internal static class BlackoutCalendars
{
    public const string Name = "blackouts";

    /// <summary>The calendar; its <see cref="ICalendar.Description"/> is <see cref="Signature"/>, so an unchanged one is recognised.</summary>
    public static ICalendar Build(IReadOnlyList<BlackoutDefinition> blackouts)
    {
        ICalendar calendar = new BaseCalendar();
        foreach (var blackout in blackouts)
        {
            calendar = new CronCalendar(calendar, blackout.Cron, blackout.TimeZone);
        }

        calendar.Description = Signature(blackouts);
        return calendar;
    }

    /// <summary>What the calendar excludes, as text: equal signatures, equal calendars.</summary>
    public static string Signature(IReadOnlyList<BlackoutDefinition> blackouts) =>
        blackouts.Count == 0 ? "no blackouts" : "blackouts: " + string.Join("; ", blackouts.Select(b => $"{b.Name}={b.Cron}@{b.TimeZone.Id}"));
}

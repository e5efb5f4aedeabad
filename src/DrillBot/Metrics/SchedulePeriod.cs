using DrillBot.Drills.Definitions;
using DrillBot.Drills.Scheduling;

namespace DrillBot.Metrics;

/// <summary>How long a drill's schedule may leave between two fires: the longest gap among its next fires (a weekly drill: 7 days).</summary>
internal static class SchedulePeriod
{
    /// <summary>Fires looked at: enough to see every gap of a schedule that repeats weekly or faster.</summary>
    private const int Fires = 16;

    /// <summary>The longest gap between consecutive fires after <paramref name="now"/>, or null without a schedule (or fewer than two fires).</summary>
    public static TimeSpan? Of(DrillDefinition drill, DateTimeOffset now)
    {
        var fires = DrillSchedule.NextFireTimes(drill, now, Fires);
        return fires.Count < 2 ? null : fires.Zip(fires.Skip(1), (a, b) => b - a).Max();
    }
}

using DrillBot.Drills.Definitions;

namespace DrillBot.Drills.Scheduling;

/// <summary>Next fire times of a drill's schedule in its time zone (for <c>drillbot list</c> and the service).</summary>
public static class DrillSchedule
{
    public static IReadOnlyList<DateTimeOffset> NextFireTimes(DrillDefinition drill, DateTimeOffset after, int count)
    {
        if (drill.Fires is not { } cron)
        {
            return [];
        }

        var result = new List<DateTimeOffset>();
        var t = after;
        while (result.Count < count && cron.NextIncludedAfter(t) is { } next)
        {
            result.Add(TimeZoneInfo.ConvertTime(next, drill.TimeZone));
            t = next;
        }

        return result;
    }
}

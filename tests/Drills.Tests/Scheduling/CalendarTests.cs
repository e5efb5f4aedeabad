using DrillBot.Drills.Definitions;
using DrillBot.Drills.Scheduling;
using DrillBot.Drills.Tests.Definitions;

namespace DrillBot.Drills.Tests.Scheduling;

public sealed class CalendarTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly BlackoutDefinition Weekend = new("weekend", "* * * ? * SAT,SUN", Shanghai, SourceLocation.None);

    [Test]
    public void ActiveAt_SaturdayInShanghaiButFridayInUtc_Active()
    {
        var fridayUtc = new DateTimeOffset(2026, 1, 9, 17, 0, 0, TimeSpan.Zero); // Saturday 01:00 in Shanghai

        Assert.That(BlackoutCalendar.ActiveAt([Weekend], fridayUtc), Is.EqualTo(Weekend));
        Assert.That(BlackoutCalendar.EndOf(Weekend, fridayUtc), Is.EqualTo(new DateTimeOffset(2026, 1, 11, 16, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void ActiveAt_Weekday_None() =>
        Assert.That(BlackoutCalendar.ActiveAt([Weekend], new DateTimeOffset(2026, 1, 6, 3, 0, 0, TimeSpan.Zero)), Is.Null);

    [Test]
    public void NextFireTimes_TuesdayThreeAmShanghai_InTheDrillsZone()
    {
        var drill = DrillsLoader.Parse(SampleYaml.Valid, "d.yaml", _ => null).Config!.Drills[0];

        var next = DrillSchedule.NextFireTimes(drill, new DateTimeOffset(2026, 1, 6, 0, 0, 0, TimeSpan.Zero), 2);

        Assert.That(next, Is.EqualTo(new[] { new DateTimeOffset(2026, 1, 13, 3, 0, 0, TimeSpan.FromHours(8)), new DateTimeOffset(2026, 1, 20, 3, 0, 0, TimeSpan.FromHours(8)) }));
        Assert.That(next[0].Offset, Is.EqualTo(TimeSpan.FromHours(8)));
    }
}

using DrillBot.Drills.Definitions;
using DrillBot.Drills.Scheduling;
using DrillBot.Drills.Tests.Definitions;

namespace DrillBot.Drills.Tests.Scheduling;

/// <summary>The engine's calendar logic over the cron port (Quartz's own semantics: DrillBot.Tests/Scheduling/QuartzCronParserTests).</summary>
public sealed class CalendarTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateTimeOffset Now = new(2026, 1, 9, 17, 0, 0, 750, TimeSpan.Zero);

    private static BlackoutDefinition Blackout(string name, ICronSchedule window) => new(name, window.Expression, Shanghai, window, SourceLocation.None);

    [Test]
    public void ActiveAt_SecondOfTwoMatches_SecondAskedAtTheWholeSecond()
    {
        var never = Blackout("never", TestCron.Parser.Parse("x", Shanghai));
        var window = TestCron.Always();
        var always = Blackout("always", window);

        Assert.That(BlackoutCalendar.ActiveAt([never, always], Now), Is.SameAs(always));
        Assert.That(window.Asked, Is.EqualTo(new[] { new DateTimeOffset(2026, 1, 9, 17, 0, 0, TimeSpan.Zero) }), "second resolution: the milliseconds are dropped");
    }

    [Test]
    public void ActiveAt_NoneMatches_Null() =>
        Assert.That(BlackoutCalendar.ActiveAt([Blackout("never", TestCron.Parser.Parse("x", Shanghai))], Now), Is.Null);

    [Test]
    public void EndOf_WindowEnd_FromTheWholeSecond()
    {
        var end = new DateTimeOffset(2026, 1, 11, 16, 0, 0, TimeSpan.Zero);
        var window = new TestCron.Schedule("w", _ => true, _ => null, _ => end);

        Assert.That(BlackoutCalendar.EndOf(Blackout("w", window), Now), Is.EqualTo(end));
        Assert.That(window.Asked, Is.EqualTo(new[] { new DateTimeOffset(2026, 1, 9, 17, 0, 0, TimeSpan.Zero) }));
    }

    [Test]
    public void NextFireTimes_HourlySchedule_CountFiresInTheDrillsZone()
    {
        var hourly = new TestCron.Schedule("hourly", _ => false, t => t.AddHours(1), _ => null);
        var drill = DrillsLoader.Parse(SampleYaml.Valid, "d.yaml", TestCron.Parser, _ => null).Config!.Drills[0] with { Fires = hourly };

        var next = DrillSchedule.NextFireTimes(drill, new DateTimeOffset(2026, 1, 6, 0, 0, 0, TimeSpan.Zero), 2);

        Assert.That(next, Is.EqualTo(new[] { new DateTimeOffset(2026, 1, 6, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 6, 2, 0, 0, TimeSpan.Zero) }));
        Assert.That(next.Select(t => t.Offset), Is.All.EqualTo(TimeSpan.FromHours(8)));
    }

    [Test]
    public void NextFireTimes_OnDemandDrill_None()
    {
        var drill = DrillsLoader.Parse(SampleYaml.Valid, "d.yaml", TestCron.Parser, _ => null).Config!.Drills[0] with { Schedule = null, Fires = null };

        Assert.That(DrillSchedule.NextFireTimes(drill, Now, 3), Is.Empty);
    }

    [Test]
    public void Parse_Schedule_ParsedInTheDrillsZoneAndKeptAsWritten()
    {
        var drill = DrillsLoader.Parse(SampleYaml.Valid, "d.yaml", TestCron.Parser, _ => null).Config!.Drills[0];

        Assert.That(drill.Schedule, Is.EqualTo("0 0 3 ? * TUE"));
        Assert.That(drill.Fires!.Expression, Is.EqualTo(drill.Schedule));
    }
}

using DrillBot.Drills.Definitions;
using DrillBot.Drills.Scheduling;
using DrillBot.Scheduling;
using DrillBot.Tests.Service.Support;
using Quartz;

namespace DrillBot.Tests.Scheduling;

/// <summary>The engine's cron port on Quartz: the syntax, time zones and error messages drills.yaml has always had.</summary>
public sealed class QuartzCronParserTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateTimeOffset Start = new(2026, 1, 6, 0, 0, 0, TimeSpan.Zero);

    private static DrillsLoadResult Load(TestDrills.Options options) =>
        DrillsLoader.Parse(TestDrills.Yaml(options), "drills.yaml", QuartzCronParser.Instance, n => n == "PRODUCTPAGE_URL" ? "http://127.0.0.1:9/" : null);

    private static BlackoutDefinition Blackout(string cron) => Load(new TestDrills.Options { Blackouts = [("b", cron)], TimeZone = "Asia/Shanghai" }).Config!.Blackouts[0];

    private static string QuartzMessage(string cron) => Assert.Throws<FormatException>(() => _ = new CronExpression(cron))!.Message;

    [Test]
    public void ActiveAt_SaturdayInShanghaiButFridayInUtc_ActiveUntilMondayInShanghai()
    {
        var weekend = Blackout("* * * ? * SAT,SUN");
        var fridayUtc = new DateTimeOffset(2026, 1, 9, 17, 0, 0, TimeSpan.Zero); // Saturday 01:00 in Shanghai

        Assert.That(BlackoutCalendar.ActiveAt([weekend], fridayUtc), Is.SameAs(weekend));
        Assert.That(BlackoutCalendar.EndOf(weekend, fridayUtc), Is.EqualTo(new DateTimeOffset(2026, 1, 11, 16, 0, 0, TimeSpan.Zero)));
        Assert.That(BlackoutCalendar.ActiveAt([weekend], new DateTimeOffset(2026, 1, 6, 3, 0, 0, TimeSpan.Zero)), Is.Null);
    }

    [Test]
    public void ActiveAt_EveningWindowAtItsLastSecondWithMilliseconds_Active()
    {
        var evenings = Blackout("* * 20-23 ? * MON-FRI");
        var lastSecond = new DateTimeOffset(2026, 1, 6, 23, 59, 59, 999, TimeSpan.FromHours(8));

        Assert.That(BlackoutCalendar.ActiveAt([evenings], lastSecond), Is.SameAs(evenings));
        Assert.That(BlackoutCalendar.ActiveAt([evenings], lastSecond.AddMilliseconds(1)), Is.Null);
    }

    [Test]
    public void NextFireTimes_TuesdayThreeAmShanghai_InTheDrillsZone()
    {
        var drill = Load(new TestDrills.Options { FailoverSchedule = "0 0 3 ? * TUE", TimeZone = "Asia/Shanghai" }).Config!.Drills[0];

        var next = DrillSchedule.NextFireTimes(drill, Start, 2);

        Assert.That(next, Is.EqualTo(new[] { new DateTimeOffset(2026, 1, 13, 3, 0, 0, TimeSpan.FromHours(8)), new DateTimeOffset(2026, 1, 20, 3, 0, 0, TimeSpan.FromHours(8)) }));
        Assert.That(next[0].Offset, Is.EqualTo(TimeSpan.FromHours(8)));
    }

    [TestCase("0 0 3 L * ?", "2026-01-31T03:00:00+08:00", "2026-02-28T03:00:00+08:00")]
    [TestCase("0 0 3 15W * ?", "2026-01-15T03:00:00+08:00", "2026-02-16T03:00:00+08:00")]
    [TestCase("0 0 3 ? * 3#2", "2026-01-13T03:00:00+08:00", "2026-02-10T03:00:00+08:00")]
    [TestCase("0 0 3 ? * 6L", "2026-01-30T03:00:00+08:00", "2026-02-27T03:00:00+08:00")]
    [TestCase("30 15 3 LW * ? 2026", "2026-01-30T03:15:30+08:00", "2026-02-27T03:15:30+08:00")]
    public void Parse_QuartzSpecialCharacters_FireAsQuartzDoes(string cron, string first, string second)
    {
        var schedule = QuartzCronParser.Instance.Parse(cron, Shanghai);

        var expected = new[] { DateTimeOffset.Parse(first, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(second, System.Globalization.CultureInfo.InvariantCulture) };
        var quartz = new CronExpression(cron, Shanghai);
        Assert.That(schedule.NextIncludedAfter(Start), Is.EqualTo(expected[0]).And.EqualTo(quartz.GetNextValidTimeAfter(Start)));
        Assert.That(schedule.NextIncludedAfter(expected[0]), Is.EqualTo(expected[1]));
        Assert.That(schedule.Expression, Is.EqualTo(cron));
    }

    [Test]
    public void Parse_BadSchedule_QuartzMessageAtTheValuesPlace()
    {
        var result = Load(new TestDrills.Options { FailoverSchedule = "0 0 25 ? * TUE" });

        Assert.That(result.Config, Is.Null);
        Assert.That(result.Problems, Has.Count.EqualTo(1), string.Join("\n", result.Problems));
        var p = result.Problems[0];
        Assert.That(p.Message, Is.EqualTo($"drills[0].schedule: bad Quartz cron expression '0 0 25 ? * TUE': {QuartzMessage("0 0 25 ? * TUE")}"));
        var line = TestDrills.Yaml(new TestDrills.Options { FailoverSchedule = "0 0 25 ? * TUE" }).Split('\n').ToList().FindIndex(l => l.Contains("0 0 25", StringComparison.Ordinal)) + 1;
        Assert.That(p.ToString(), Does.StartWith($"drills.yaml:{line}:15: "));
    }

    [Test]
    public void Parse_BadBlackout_QuartzMessage()
    {
        var result = Load(new TestDrills.Options { Blackouts = [("b", "* * * ? * FUNDAY")] });

        Assert.That(result.Problems.Select(p => p.Message), Is.EqualTo(new[] { $"blackouts[0].cron: bad Quartz cron expression '* * * ? * FUNDAY': {QuartzMessage("* * * ? * FUNDAY")}" }));
    }
}

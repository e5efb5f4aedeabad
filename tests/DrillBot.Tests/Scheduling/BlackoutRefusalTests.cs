using DrillBot.Scheduling;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Scheduling;

namespace DrillBot.Tests.Scheduling;

public sealed class BlackoutRefusalTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly BlackoutDefinition Evenings = Window("release-freeze-evenings", "* * 20-23 ? * MON-FRI");
    private static readonly BlackoutDefinition Weekend = Window("weekend", "* * * ? * SAT,SUN");

    private static BlackoutDefinition Window(string name, string cron) => new(name, cron, Shanghai, QuartzCronParser.Instance.Parse(cron, Shanghai), SourceLocation.None);

    [Test]
    public void Text_EveningFreeze_NamesItsEndInTheDrillsZoneAndUtcAndTheFlag()
    {
        var monday2100Shanghai = new DateTimeOffset(2026, 1, 5, 13, 0, 0, TimeSpan.Zero);

        var text = BlackoutRefusal.Text(Evenings, monday2100Shanghai, Shanghai, BlackoutRefusal.CliFlag);

        Assert.That(text, Is.EqualTo("refused: blackout release-freeze-evenings until 23:59 Asia/Shanghai (15:59 UTC); to run anyway: --override-blackout \"why\""));
    }

    [Test]
    public void Until_EndOnAnotherDay_GivesTheDates()
    {
        var saturday0100Shanghai = new DateTimeOffset(2026, 1, 9, 17, 0, 0, TimeSpan.Zero);

        Assert.That(BlackoutRefusal.Until(Weekend, saturday0100Shanghai, Shanghai), Is.EqualTo("until 2026-01-11 23:59 Asia/Shanghai (2026-01-11 15:59 UTC)"));
    }

    [Test]
    public void Until_DrillInUtc_ShownInTheDrillsZone()
    {
        var monday2100Shanghai = new DateTimeOffset(2026, 1, 5, 13, 0, 0, TimeSpan.Zero);

        Assert.That(BlackoutRefusal.Until(Evenings, monday2100Shanghai, TimeZoneInfo.Utc), Is.EqualTo("until 15:59 UTC (15:59 UTC)"));
    }
}

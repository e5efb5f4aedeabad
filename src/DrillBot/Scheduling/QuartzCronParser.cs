using DrillBot.Drills.Scheduling;
using Quartz;

namespace DrillBot.Scheduling;

/// <summary>
/// The engine's <see cref="ICronParser"/> on Quartz's <see cref="CronExpression"/>: Quartz cron syntax (seconds,
/// <c>?</c>, <c>L</c>, <c>W</c>, <c>#</c>), Quartz's own error messages. The one place cron meets Quartz outside the scheduler.
/// </summary>
public sealed class QuartzCronParser : ICronParser
{
    private QuartzCronParser()
    {
    }

    /// <summary>Stateless: one is enough.</summary>
    public static QuartzCronParser Instance { get; } = new();

    /// <exception cref="FormatException">Quartz refuses <paramref name="expression"/>.</exception>
    public ICronSchedule Parse(string expression, TimeZoneInfo timeZone) => new Schedule(new CronExpression(expression, timeZone));

    private sealed class Schedule(CronExpression cron) : ICronSchedule
    {
        public string Expression => cron.CronExpressionString;

        public bool Includes(DateTimeOffset instant) => cron.IsSatisfiedBy(instant);

        public DateTimeOffset? NextIncludedAfter(DateTimeOffset instant) => cron.GetNextValidTimeAfter(instant);

        public DateTimeOffset? NextExcludedAfter(DateTimeOffset instant) => cron.GetNextInvalidTimeAfter(instant);
    }
}

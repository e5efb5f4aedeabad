using DrillBot.Drills.Scheduling;

namespace DrillBot.Drills.Tests.Scheduling;

/// <summary>
/// The engine's cron port without Quartz (Quartz's semantics are tested with its adapter in DrillBot.Tests/Scheduling):
/// the parser refuses expressions containing "bad" and otherwise yields a schedule that never matches.
/// </summary>
internal sealed class TestCron : ICronParser
{
    public static TestCron Parser { get; } = new();

    /// <summary>Matches every instant (a window that never ends).</summary>
    public static Schedule Always(string expression = "always") => new(expression, _ => true, _ => null, _ => null);

    public ICronSchedule Parse(string expression, TimeZoneInfo timeZone) =>
        expression.Contains("bad", StringComparison.Ordinal)
            ? throw new FormatException("refused by the test parser")
            : new Schedule(expression, _ => false, _ => null, t => t.AddTicks(1));

    /// <summary>A schedule from functions; <see cref="Asked"/> records every instant it was asked about.</summary>
    internal sealed class Schedule(string expression, Func<DateTimeOffset, bool> includes, Func<DateTimeOffset, DateTimeOffset?> next, Func<DateTimeOffset, DateTimeOffset?> end) : ICronSchedule
    {
        public List<DateTimeOffset> Asked { get; } = [];

        public string Expression => expression;

        public bool Includes(DateTimeOffset instant) => Ask(instant, includes);

        public DateTimeOffset? NextIncludedAfter(DateTimeOffset instant) => Ask(instant, next);

        public DateTimeOffset? NextExcludedAfter(DateTimeOffset instant) => Ask(instant, end);

        private T Ask<T>(DateTimeOffset instant, Func<DateTimeOffset, T> answer)
        {
            Asked.Add(instant);
            return answer(instant);
        }
    }
}

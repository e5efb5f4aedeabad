namespace DrillBot.Drills.Scheduling;

/// <summary>
/// Turns cron text (drill schedules, blackout windows) into a <see cref="ICronSchedule"/>. The engine only
/// knows this port; the host supplies the implementation (Quartz cron syntax in drillbot).
/// </summary>
public interface ICronParser
{
    /// <summary>The schedule of <paramref name="expression"/> evaluated in <paramref name="timeZone"/>.</summary>
    /// <exception cref="FormatException">The expression is not valid; the message says why.</exception>
    ICronSchedule Parse(string expression, TimeZoneInfo timeZone);
}

using DrillBot.Drills.Scheduling;

namespace DrillBot.Drills.Definitions;

/// <summary>
/// A window in which no drill starts: every instant matched by the cron <paramref name="Cron"/>
/// expression (second resolution) in <paramref name="TimeZone"/> is blacked out; <paramref name="Window"/> is it parsed.
/// </summary>
public sealed record BlackoutDefinition(string Name, string Cron, TimeZoneInfo TimeZone, ICronSchedule Window, SourceLocation Location);

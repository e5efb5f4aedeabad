namespace DrillBot.Drills.Definitions;

/// <summary>
/// A window in which no drill starts: every instant matched by the Quartz <paramref name="Cron"/>
/// expression (second resolution) in <paramref name="TimeZone"/> is blacked out.
/// </summary>
public sealed record BlackoutDefinition(string Name, string Cron, TimeZoneInfo TimeZone, SourceLocation Location);

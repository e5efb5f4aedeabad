namespace DrillBot.Store.MissedFires;

/// <summary>A schedule fire that did not run (service down, blackout, busy), and when it was noticed.</summary>
public sealed record MissedFire(string Drill, DateTimeOffset ScheduledAt, DateTimeOffset RecordedAt);

namespace DrillBot.Drills.Probing;

/// <summary>One request to send: its slot on the schedule and when it really left.</summary>
internal readonly record struct ProbeJob(long Sequence, DateTimeOffset ScheduledAt, DateTimeOffset SentAt, long SentTicks, bool Late);

namespace DrillBot.Drills.Probing;

/// <summary>
/// One request to send: its slot on the schedule (<see cref="Due"/> after the schedule's <see cref="StartTicks"/>) and
/// when it really left (<see cref="SentAt"/>, <see cref="SentTicks"/>; stamped again by the sender thread just before it sends).
/// </summary>
internal readonly record struct ProbeJob(long Sequence, DateTimeOffset ScheduledAt, DateTimeOffset SentAt, long SentTicks, bool Late)
{
    public long StartTicks { get; init; }

    public TimeSpan Due { get; init; }
}

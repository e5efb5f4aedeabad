namespace DrillBot.Drills.Probing;

/// <summary>
/// One probe request. <see cref="ScheduledAt"/> is its slot on the fixed-rate schedule,
/// <see cref="SentAt"/> when it really left (later than the slot when it is <see cref="Late"/>).
/// <see cref="Status"/> is null when no HTTP answer came; <see cref="ErrorKind"/> then says why
/// (<c>timeout</c>, <c>connection</c>), or is <c>unmatched</c> for an answer no rule classified.
/// </summary>
public sealed record ProbeSample(
    long Sequence,
    DateTimeOffset ScheduledAt,
    DateTimeOffset SentAt,
    TimeSpan Duration,
    int? Status,
    string? ErrorKind,
    string Class,
    bool Ok,
    bool Late);

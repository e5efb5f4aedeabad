namespace DrillBot.Drills.Probing;

/// <summary>
/// One probe request. <see cref="ScheduledAt"/> is its slot on the fixed-rate schedule,
/// <see cref="SentAt"/> when it really left (later than the slot when it is <see cref="Late"/>).
/// <see cref="Status"/> is null when no HTTP answer came; <see cref="ErrorKind"/> then says why
/// (<c>timeout</c>, <c>connection</c>), or is <c>unmatched</c> for an answer no rule classified.
/// </summary>
/// <remarks>
/// A run keeps every sample until its report (an hour at 100/s is 360,000), so the fields are stored compactly:
/// instants as UTC ticks (a <see cref="DateTimeOffset"/> field takes 16 bytes, a tick count 8; the instants read back
/// in UTC, and <see cref="DateTimeOffset"/> equality compares instants anyway) and the status without a nullable
/// wrapper: 72 bytes a sample instead of 96. Construction, properties, <c>with</c>, deconstruction and equality are
/// those of the positional record this was.
/// </remarks>
public sealed record ProbeSample
{
    private const int NoStatus = int.MinValue;
    private readonly long _scheduledTicks;
    private readonly long _sentTicks;
    private readonly int _status;

    public ProbeSample(long Sequence, DateTimeOffset ScheduledAt, DateTimeOffset SentAt, TimeSpan Duration, int? Status, string? ErrorKind, string Class, bool Ok, bool Late)
    {
        this.Sequence = Sequence;
        _scheduledTicks = ScheduledAt.UtcTicks;
        _sentTicks = SentAt.UtcTicks;
        this.Duration = Duration;
        _status = Status ?? NoStatus;
        this.ErrorKind = ErrorKind;
        this.Class = Class;
        this.Ok = Ok;
        this.Late = Late;
    }

    public long Sequence { get; init; }

    public DateTimeOffset ScheduledAt
    {
        get => new(_scheduledTicks, TimeSpan.Zero);
        init => _scheduledTicks = value.UtcTicks;
    }

    public DateTimeOffset SentAt
    {
        get => new(_sentTicks, TimeSpan.Zero);
        init => _sentTicks = value.UtcTicks;
    }

    public TimeSpan Duration { get; init; }

    public int? Status
    {
        get => _status == NoStatus ? null : _status;
        init => _status = value ?? NoStatus;
    }

    public string? ErrorKind { get; init; }

    public string Class { get; init; }

    public bool Ok { get; init; }

    public bool Late { get; init; }

    public void Deconstruct(out long Sequence, out DateTimeOffset ScheduledAt, out DateTimeOffset SentAt, out TimeSpan Duration, out int? Status, out string? ErrorKind, out string Class, out bool Ok, out bool Late) =>
        (Sequence, ScheduledAt, SentAt, Duration, Status, ErrorKind, Class, Ok, Late) = (this.Sequence, this.ScheduledAt, this.SentAt, this.Duration, this.Status, this.ErrorKind, this.Class, this.Ok, this.Late);
}

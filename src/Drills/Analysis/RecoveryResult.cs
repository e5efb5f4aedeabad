namespace DrillBot.Drills.Analysis;

/// <summary>
/// Recovery as docs/contracts.md#measurement defines it: <see cref="WindowStart"/> is the send time of the first
/// sample of the earliest window of length stableFor in which every sample was ok and served by
/// <see cref="ServedBy"/>; <see cref="Time"/> = WindowStart − t0.
/// </summary>
public sealed record RecoveryResult(TimeSpan Time, string ServedBy, DateTimeOffset WindowStart);

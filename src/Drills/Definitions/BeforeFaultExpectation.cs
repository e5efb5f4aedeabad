namespace DrillBot.Drills.Definitions;

/// <summary>
/// <c>expect.beforeFault</c>: among the samples sent after the last arming step before the fault step
/// (the last one that is not a <c>wait</c>) was acknowledged and before the fault step started, the share of ok samples of class <paramref name="ServedBy"/> must be
/// at least <paramref name="AtLeast"/> (decided with the Wilson rule), over at least <paramref name="MinSamples"/> samples.
/// </summary>
public sealed record BeforeFaultExpectation(string ServedBy, double AtLeast, int MinSamples);

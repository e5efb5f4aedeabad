namespace DrillBot.Drills.Definitions;

/// <summary>Bounds on a class's share among ok samples (inclusive; null = unbounded).</summary>
public sealed record ShareExpectation(double? AtLeast, double? AtMost);

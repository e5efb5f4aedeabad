namespace DrillBot.Drills.Definitions;

/// <summary>Traffic must be served by <paramref name="ServedBy"/> only, for <paramref name="StableFor"/>, within <paramref name="Within"/> of t0.</summary>
public sealed record RecoveryExpectation(string ServedBy, TimeSpan Within, TimeSpan StableFor);

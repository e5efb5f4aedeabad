namespace DrillBot.Drills.Definitions;

/// <summary>What must be true for the drill to pass.</summary>
public sealed record ExpectDefinition(
    RecoveryExpectation? Recovery,
    IReadOnlyDictionary<string, ShareExpectation> Share,
    int MinSamples,
    double? MaxErrorRatio);

/// <summary>Traffic must be served by <paramref name="ServedBy"/> only, for <paramref name="StableFor"/>, within <paramref name="Within"/> of t0.</summary>
public sealed record RecoveryExpectation(string ServedBy, TimeSpan Within, TimeSpan StableFor);

/// <summary>Bounds on a class's share among ok samples (inclusive; null = unbounded).</summary>
public sealed record ShareExpectation(double? AtLeast, double? AtMost);

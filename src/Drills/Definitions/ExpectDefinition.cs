namespace DrillBot.Drills.Definitions;

/// <summary>What must be true for the drill to pass.</summary>
public sealed record ExpectDefinition(
    RecoveryExpectation? Recovery,
    IReadOnlyDictionary<string, ShareExpectation> Share,
    int MinSamples,
    double? MaxErrorRatio)
{
    /// <summary>The default <see cref="Confidence"/>.</summary>
    public const double DefaultConfidence = 0.95;

    /// <summary>
    /// The confidence of the Wilson intervals that decide the share, maxErrorRatio and beforeFault
    /// checks (<c>expect.confidence</c>, 0.5 ≤ c &lt; 1).
    /// </summary>
    public double Confidence { get; init; } = DefaultConfidence;

    /// <summary>What must hold between arming (the end of the last step before the fault) and the fault.</summary>
    public BeforeFaultExpectation? BeforeFault { get; init; }
}

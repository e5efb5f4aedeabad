namespace DrillBot.Drills.Definitions;

/// <summary>After restore, the steady state must hold again within <paramref name="VerifyWithin"/>.</summary>
public sealed record RestoreDefinition(TimeSpan VerifyWithin)
{
    /// <summary>Failback must also show the original region serving again (docs/drills-yaml.md#restore); null = steady state and readiness only.</summary>
    public FailbackExpectation? Failback { get; init; }
}

/// <summary>After restore, class <paramref name="ServedBy"/> serves at least <paramref name="AtLeast"/> of all samples over <paramref name="StableFor"/>.</summary>
public sealed record FailbackExpectation(string ServedBy, double AtLeast, TimeSpan StableFor);

namespace DrillBot.Drills.Definitions;

/// <summary>After restore, the steady state must hold again within <paramref name="VerifyWithin"/>.</summary>
public sealed record RestoreDefinition(TimeSpan VerifyWithin);

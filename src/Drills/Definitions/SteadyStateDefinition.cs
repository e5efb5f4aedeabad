namespace DrillBot.Drills.Definitions;

/// <summary>The steady state: probing for <paramref name="Duration"/>, at least <paramref name="MinOkRatio"/> of samples ok.</summary>
public sealed record SteadyStateDefinition(TimeSpan Duration, double MinOkRatio);

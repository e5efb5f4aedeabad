namespace DrillBot.Drills.Definitions;

/// <summary>Abort (and restore) when the error ratio stays above <paramref name="ErrorRatioAbove"/> for <paramref name="For"/>.</summary>
public sealed record AbortIfDefinition(double ErrorRatioAbove, TimeSpan For);

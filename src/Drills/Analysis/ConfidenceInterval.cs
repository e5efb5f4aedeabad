namespace DrillBot.Drills.Analysis;

/// <summary>
/// A two-sided confidence interval [<paramref name="Low"/>, <paramref name="High"/>] for a proportion:
/// <paramref name="Hits"/> of <paramref name="Samples"/> at <paramref name="Confidence"/> (e.g. 0.95).
/// See <see cref="Wilson"/> for how it is computed (docs/drills-yaml.md, "Statistical verdicts").
/// </summary>
public sealed record ConfidenceInterval(double Low, double High, double Confidence, int Hits, int Samples);

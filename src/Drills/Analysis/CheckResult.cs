namespace DrillBot.Drills.Analysis;

/// <summary>One check of a run: what was expected, what was measured, whether it passed.</summary>
public sealed record CheckResult(string Name, string Expected, string Actual, bool Passed);

namespace DrillBot.Store.Runs;

/// <summary>A run with its full report JSON (null until it finished).</summary>
public sealed record RunRecord(RunSummary Run, string? ReportJson);

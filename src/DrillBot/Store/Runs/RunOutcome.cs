namespace DrillBot.Store.Runs;

/// <summary>
/// How a run ended. <paramref name="ReportJson"/> is the engine's report, stored as opaque text;
/// <paramref name="Summary"/> is a short line for listings (e.g. "passed, recovered in 1.4s").
/// </summary>
public sealed record RunOutcome(
    RunStatus Status,
    RunVerdict? Verdict,
    RunRestoreStatus? RestoreStatus,
    DateTimeOffset FinishedAt,
    TimeSpan? Recovery,
    string? Summary,
    string? ReportJson);

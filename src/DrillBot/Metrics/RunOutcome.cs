namespace DrillBot.Metrics;

/// <summary>What the metrics need of a finished run.</summary>
/// <param name="Drill">The drill name (from configuration).</param>
/// <param name="Verdict">One of <see cref="Verdicts.All"/>.</param>
/// <param name="Duration">Start to report.</param>
/// <param name="FinishedAt">When the run finished.</param>
/// <param name="Recovery">The measured recovery time, if any.</param>
/// <param name="Shares">Share per class among ok samples after recovery (the classes come from the drill's rules).</param>
/// <param name="RestoreStatus">One of <see cref="RestoreStatuses.All"/>, or null when nothing was changed.</param>
internal sealed record RunOutcome(
    string Drill,
    string Verdict,
    TimeSpan Duration,
    DateTimeOffset FinishedAt,
    TimeSpan? Recovery,
    IReadOnlyDictionary<string, double> Shares,
    string? RestoreStatus);

namespace DrillBot.Store.Runs;

/// <summary>The history of runs: what ran, who started it, how it ended, and its report.</summary>
public interface IRunStore
{
    /// <summary>Records a run as <see cref="RunStatus.Running"/>. False (nothing changed) when the id exists.</summary>
    Task<bool> StartAsync(RunStart run, CancellationToken cancellationToken);

    /// <summary>
    /// Records a run as running unless a running run <paramref name="conflicts"/> with it, as one step for every
    /// process sharing the store (PostgreSQL: an advisory lock held for the transaction; SQLite: <c>BEGIN IMMEDIATE</c>),
    /// so two replicas asked for the same targets at the same instant cannot both start.
    /// </summary>
    Task<RunStartResult> StartUnlessBusyAsync(RunStart run, Func<RunSummary, bool> conflicts, CancellationToken cancellationToken);

    /// <summary>Marks a running run <see cref="RunStatus.Interrupted"/> (its owner died). False unless it was running.</summary>
    Task<bool> MarkInterruptedAsync(string runId, CancellationToken cancellationToken);

    /// <summary>
    /// Records how a run ended, from running or interrupted: a run recorded <see cref="RunStatus.Interrupted"/>
    /// (its owner died, or its restore failed) may be finished again once its restore completed; a run finished
    /// otherwise is final. False (nothing changed) when the run is unknown or already ended.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="outcome"/> has status Running.</exception>
    Task<bool> FinishAsync(string runId, RunOutcome outcome, CancellationToken cancellationToken);

    /// <summary>One run with its report, or null.</summary>
    Task<RunRecord?> GetAsync(string runId, CancellationToken cancellationToken);

    /// <summary>The latest <paramref name="max"/> runs, newest first, optionally of one drill.</summary>
    Task<IReadOnlyList<RunSummary>> ListLatestAsync(int max, string? drill, CancellationToken cancellationToken);

    /// <summary>Runs with status running, oldest first.</summary>
    Task<IReadOnlyList<RunSummary>> ListRunningAsync(CancellationToken cancellationToken);

    /// <summary>The latest <paramref name="max"/> runs owned by an instance, newest first.</summary>
    Task<IReadOnlyList<RunSummary>> ListOwnedByAsync(string instanceId, int max, CancellationToken cancellationToken);
}

namespace DrillBot.Drills.Journal;

/// <summary>
/// The write-ahead journal of a run: every mutating step records the object's prior state here
/// <em>before</em> it mutates, so an interrupted run can still be restored. The CLI uses a local
/// file-backed journal; the service uses its store (SQLite or PostgreSQL).
/// </summary>
public interface IJournal
{
    /// <summary>Opens a run. Called before the first mutation.</summary>
    Task BeginRunAsync(JournalRun run, CancellationToken cancellationToken);

    /// <summary>Records the prior state of an object before the step mutates it (write-ahead).</summary>
    Task RecordAsync(JournalEntry entry, CancellationToken cancellationToken);

    /// <summary>Marks an entry's mutation as acknowledged by the API server.</summary>
    Task MarkAppliedAsync(string runId, int sequence, string? appliedJson, CancellationToken cancellationToken);

    /// <summary>Records the outcome of restoring one entry.</summary>
    Task MarkRestoredAsync(string runId, int sequence, bool ok, string? detail, CancellationToken cancellationToken);

    /// <summary>Closes a run: nothing of it is left to restore.</summary>
    Task CompleteRunAsync(string runId, string outcome, CancellationToken cancellationToken);

    /// <summary>Runs begun but not completed, with their entries in the order they were recorded.</summary>
    Task<IReadOnlyList<UnfinishedRun>> GetUnfinishedRunsAsync(CancellationToken cancellationToken);
}

/// <summary>A run as the journal knows it. <paramref name="Owner"/> names the process (host/pid or instance id).</summary>
public sealed record JournalRun(string RunId, string Drill, string Owner, DateTimeOffset StartedAt);

/// <summary>
/// The write-ahead record of one mutation. <paramref name="PriorJson"/> is the whole object as read
/// just before the change (null: the object did not exist and the step creates it);
/// <paramref name="ChangeJson"/> is the change about to be made (a JSON merge patch), which lets
/// restore put back only the fields the drill changed.
/// </summary>
public sealed record JournalEntry(
    string RunId,
    int Sequence,
    ObjectRef Target,
    string Step,
    string? PriorJson,
    string ChangeJson,
    DateTimeOffset RecordedAt);

/// <summary>Where an entry stands.</summary>
public enum JournalEntryState
{
    /// <summary>Prior state recorded; the mutation may or may not have reached the API server.</summary>
    Recorded,

    /// <summary>The API server acknowledged the mutation.</summary>
    Applied,

    /// <summary>Restored and verified.</summary>
    Restored,

    /// <summary>Restore was attempted and failed.</summary>
    RestoreFailed,
}

/// <summary>An entry with its current state.</summary>
public sealed record JournalRecord(JournalEntry Entry, JournalEntryState State, string? AppliedJson, string? Detail);

/// <summary>A run begun and never completed.</summary>
public sealed record UnfinishedRun(JournalRun Run, IReadOnlyList<JournalRecord> Entries);

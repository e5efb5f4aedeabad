using System.Text.Json.Nodes;
using DrillBot.Drills.Cluster;
using DrillBot.Drills.Journal;

namespace DrillBot.Drills.Steps;

/// <summary>
/// What applying one step did. <see cref="Recorded"/> lists every journal entry written (restore
/// needs them even when the mutation failed: it may have reached the server).
/// </summary>
internal sealed record StepOutcome(
    bool Ok,
    IReadOnlyList<JournalEntry> Recorded,
    JsonObject? Applied,
    DateTimeOffset? AcknowledgedAt,
    ClusterError? Error,
    string Description)
{
    /// <summary>Sequences of entries whose write was refused with 409 before anything changed (retried on a fresh read; marked restored in the journal).</summary>
    public IReadOnlyList<int> Rejected { get; init; } = [];
}

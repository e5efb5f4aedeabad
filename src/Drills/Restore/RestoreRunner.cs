using DrillBot.Drills.Cluster;
using DrillBot.Drills.Journal;

namespace DrillBot.Drills.Restore;

/// <summary>
/// Restores the entries of one run in reverse order, continuing past any failed item, and records
/// each outcome in the journal (a journal outage never stops the restore).
/// </summary>
internal sealed class RestoreRunner(IJournal journal, Func<string, ClusterResult<IClusterClient>> clients, TimeProvider time, Func<int, ValueTask>? afterItem = null)
{
    public async Task<RestoreResult> RestoreAsync(string runId, IReadOnlyList<JournalRecord> records, Action<RestoreItemResult>? onItem, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var items = new List<RestoreItemResult>();
        foreach (var record in records.Where(r => r.State != JournalEntryState.Restored).OrderByDescending(r => r.Entry.Sequence))
        {
            RestoreItemResult item;
            try
            {
                var client = clients(record.Entry.Target.Cluster);
                item = client.Ok
                    ? await ObjectRestorer.RestoreAsync(record, client.Value!, cancellationToken)
                    : Failed(record, client.Error!.Message);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                item = Failed(record, $"restore of {record.Entry.Target} broke: {e.Message}");
            }

            items.Add(item);
            onItem?.Invoke(item);
            try
            {
                await journal.MarkRestoredAsync(runId, record.Entry.Sequence, item.Ok, item.Error ?? (item.Conflicts.Count > 0 ? string.Join("; ", item.Conflicts) : null), CancellationToken.None);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // the object is restored; the journal catches up on the next restore pass (a database journal
                // throws DbException when it is down: that must not stop the restore of the other objects)
            }

            if (afterItem is not null)
            {
                await afterItem(items.Count);
            }
        }

        return new RestoreResult(RestoreResult.StatusOf(items), items, started, time.GetUtcNow());
    }

    private static RestoreItemResult Failed(JournalRecord record, string error) =>
        new(record.Entry.Target, record.Entry.Step, false, false, "{}", "{}", null, [], error);
}

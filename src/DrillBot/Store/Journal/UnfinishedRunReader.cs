using System.Data.Common;
using DrillBot.Drills.Journal;
using DrillBot.Store.Data;

namespace DrillBot.Store.Journal;

/// <summary>Reads the runs begun and never completed, oldest first, each with its entries in sequence order.</summary>
internal sealed class UnfinishedRunReader(StoreDatabase database)
{
    public static JournalRecord ReadRecord(StoreDatabase database, DbDataReader reader) => new(
        new JournalEntry(
            RunId: reader.GetString(0),
            Sequence: reader.GetInt32Value(1),
            Target: new ObjectRef(reader.GetString(2), JournalStateNames.Kind(reader.GetString(3)), reader.GetString(4), reader.GetString(5)),
            Step: reader.GetString(6),
            PriorJson: reader.GetNullableString(7),
            ChangeJson: reader.GetString(8),
            RecordedAt: database.ReadTime(reader, 9)),
        JournalStateNames.State(reader.GetString(10)),
        reader.GetNullableString(11),
        reader.GetNullableString(12));

    public async Task<IReadOnlyList<UnfinishedRun>> ReadAsync(DbConnection connection, string entryColumns, CancellationToken cancellationToken)
    {
        var runs = new List<JournalRun>();
        await using (var command = database.Command(
            connection,
            null,
            "SELECT run_id, drill, owner, started_at FROM drillbot_journal_runs WHERE completed_at IS NULL ORDER BY started_at, run_id"))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                runs.Add(new JournalRun(reader.GetString(0), reader.GetString(1), reader.GetString(2), database.ReadTime(reader, 3)));
            }
        }

        var entries = runs.ToDictionary(r => r.RunId, _ => new List<JournalRecord>(), StringComparer.Ordinal);
        await using (var command = database.Command(
            connection,
            null,
            $"SELECT {entryColumns} FROM drillbot_journal_entries e JOIN drillbot_journal_runs r ON r.run_id = e.run_id " +
            "WHERE r.completed_at IS NULL ORDER BY e.run_id, e.sequence"))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var record = ReadRecord(database, reader);
                if (entries.TryGetValue(record.Entry.RunId, out var list))
                {
                    list.Add(record);
                }
            }
        }

        return runs.Select(run => new UnfinishedRun(run, entries[run.RunId])).ToList();
    }
}

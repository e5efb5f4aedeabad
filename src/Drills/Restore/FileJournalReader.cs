using System.Text.Json;
using System.Text.Json.Nodes;
using DrillBot.Drills.Journal;

namespace DrillBot.Drills.Restore;

/// <summary>Replays one run's journal file; null when the run completed.</summary>
internal static class FileJournalReader
{
    public static UnfinishedRun? Read(IEnumerable<string> lines, JsonSerializerOptions options)
    {
        JournalRun? run = null;
        var entries = new List<JournalRecord>();
        foreach (var text in lines)
        {
            JsonObject? line;
            try
            {
                line = JsonNode.Parse(text) as JsonObject;
            }
            catch (JsonException)
            {
                continue; // a torn write at the end of the file
            }

            switch (line?["t"]?.GetValue<string>())
            {
                case "begin":
                    run = line["run"].Deserialize<JournalRun>(options);
                    break;
                case "record":
                    var entry = line["entry"].Deserialize<JournalEntry>(options)!;
                    entries.RemoveAll(e => e.Entry.Sequence == entry.Sequence);
                    entries.Add(new JournalRecord(entry, JournalEntryState.Recorded, null, null));
                    break;
                case "applied":
                    Update(entries, line["seq"]!.GetValue<int>(), r => r with { State = JournalEntryState.Applied, AppliedJson = line["json"]?.GetValue<string>() });
                    break;
                case "restored":
                    var ok = line["ok"]!.GetValue<bool>();
                    Update(entries, line["seq"]!.GetValue<int>(), r => r with { State = ok ? JournalEntryState.Restored : JournalEntryState.RestoreFailed, Detail = line["detail"]?.GetValue<string>() });
                    break;
                case "complete":
                    return null;
            }
        }

        return run is null ? null : new UnfinishedRun(run, entries.OrderBy(e => e.Entry.Sequence).ToList());
    }

    private static void Update(List<JournalRecord> entries, int sequence, Func<JournalRecord, JournalRecord> change)
    {
        var i = entries.FindIndex(e => e.Entry.Sequence == sequence);
        if (i >= 0)
        {
            entries[i] = change(entries[i]);
        }
    }
}

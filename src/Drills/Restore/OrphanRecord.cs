using System.Text.Json.Nodes;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Json;
using DrillBot.Drills.Steps;

namespace DrillBot.Drills.Restore;

/// <summary>Rebuilds a journal record from an object's <c>drillbot.io/prior</c> annotation alone.</summary>
internal static class OrphanRecord
{
    public static JournalRecord From(OrphanedObject orphan, JsonObject current, DateTimeOffset now)
    {
        var prior = JsonNode.Parse(orphan.PriorAnnotation) as JsonObject ?? [];
        if (prior.ContainsKey("$object"))
        {
            var created = new JournalEntry(orphan.RunId, 0, orphan.Target, "annotation", null, "{}", now);
            return new JournalRecord(created, JournalEntryState.Applied, null, null);
        }

        var priorObject = (JsonObject)current.DeepClone();
        var change = DrillAnnotations.Patch(orphan.RunId, orphan.PriorAnnotation);
        foreach (var (pathText, value) in prior)
        {
            var path = JsonPath.Parse(pathText);
            if (value is null)
            {
                path.Remove(priorObject, _ => false); // empty parents did not exist: the drill created them
            }
            else
            {
                path.Set(priorObject, value);
            }

            path.Set(change, path.Find(current).Value);
        }

        DrillAnnotations.RunPath.Remove(priorObject, _ => true);
        DrillAnnotations.PriorPath.Remove(priorObject, _ => false);
        var entry = new JournalEntry(orphan.RunId, 0, orphan.Target, "annotation", priorObject.ToJsonString(), change.ToJsonString(), now);
        return new JournalRecord(entry, JournalEntryState.Applied, null, null);
    }
}

using System.Text.Json.Nodes;
using DrillBot.Drills.Json;
using DrillBot.Drills.Steps;

namespace DrillBot.Drills.Restore;

/// <summary>
/// Field-level restore of one object: the object as it should be after restore (the drill's fields
/// back to their prior values, the drill's annotations gone, everything else as it is now) and the
/// conflicts found on the way.
/// </summary>
internal sealed record FieldRestorePlan(JsonObject Desired, IReadOnlyList<JsonPath> Restored, IReadOnlyList<string> Conflicts)
{
    public static FieldRestorePlan Build(JsonObject prior, JsonObject change, JsonObject current, JsonObject? applied)
    {
        var desired = (JsonObject)current.DeepClone();
        var restored = new List<JsonPath>();
        var conflicts = new List<string>();
        var touched = JsonTools.Leaves(change);
        bool Existed(JsonPath q) => q.Find(prior).Exists;
        foreach (var p in touched)
        {
            if (p.StartsWith(DrillAnnotations.RunPath) || p.StartsWith(DrillAnnotations.PriorPath))
            {
                p.Remove(desired, Existed);
                continue;
            }

            var (cExists, cValue) = p.Find(current);
            var (pExists, pValue) = p.Find(prior);
            var (_, dValue) = p.Find(change);
            if (pExists == cExists && JsonNode.DeepEquals(pValue, cValue))
            {
                restored.Add(p);
                continue;
            }

            var holdsDrillValue = dValue is null ? !cExists || cValue is null : cExists && JsonNode.DeepEquals(dValue, cValue);
            if (!holdsDrillValue)
            {
                conflicts.Add($"{p}: someone else set it to {JsonTools.Compact(cValue)} during the drill (the drill set {JsonTools.Compact(dValue)}; before: {(pExists ? JsonTools.Compact(pValue) : "absent")}); left as it is");
                continue;
            }

            if (pExists)
            {
                p.Set(desired, pValue);
            }
            else
            {
                p.Remove(desired, Existed);
            }

            restored.Add(p);
        }

        if (applied is not null)
        {
            var others = JsonTools.Leaves(JsonTools.Diff(JsonTools.Comparable(applied), JsonTools.Comparable(current)))
                .Where(p => !touched.Any(t => p.StartsWith(t) || t.StartsWith(p)))
                .Select(p => p.ToString())
                .ToList();
            if (others.Count > 0)
            {
                conflicts.Add($"changed by someone else during the drill (kept): {string.Join(", ", others)}");
            }
        }

        return new FieldRestorePlan(desired, restored, conflicts);
    }
}

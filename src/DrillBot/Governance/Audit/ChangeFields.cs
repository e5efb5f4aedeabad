using System.Text.Json.Nodes;
using DrillBot.Drills.Json;
using DrillBot.Drills.Steps;

namespace DrillBot.Governance.Audit;

/// <summary>
/// The fields a journaled change sets, each with its value before (from the object as read just before) and after
/// (from the change), e.g. <c>spec.replicas: 1 → 0</c>; DrillBot's own <c>drillbot.io/*</c> annotations are left out.
/// </summary>
internal static class ChangeFields
{
    public static JsonArray Of(string? priorJson, string changeJson)
    {
        var change = JsonTools.Parse(changeJson);
        JsonNode? prior = priorJson is null ? null : JsonNode.Parse(priorJson);
        var fields = new JsonArray();
        foreach (var path in JsonTools.Leaves(change))
        {
            if (path.StartsWith(DrillAnnotations.RunPath) || path.StartsWith(DrillAnnotations.PriorPath))
            {
                continue;
            }

            (bool Exists, JsonNode? Value) before = prior is null ? (false, null) : path.Find(prior);
            fields.Add(new JsonObject
            {
                ["field"] = path.ToString(),
                ["before"] = before.Exists ? before.Value?.DeepClone() : null,
                ["after"] = path.Find(change).Value?.DeepClone(),
            });
        }

        return fields;
    }
}

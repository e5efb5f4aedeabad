using System.Text.Json.Nodes;
using DrillBot.Drills.Json;

namespace DrillBot.Drills.Steps;

/// <summary>The annotations a drill puts on every object it changes, so the truth survives the loss of the journal.</summary>
public static class DrillAnnotations
{
    public const string Run = "drillbot.io/run";
    public const string Prior = "drillbot.io/prior";

    public static readonly JsonPath RunPath = JsonPath.Of("metadata", "annotations", Run);
    public static readonly JsonPath PriorPath = JsonPath.Of("metadata", "annotations", Prior);

    /// <summary>The compact JSON of the prior values of the fields <paramref name="fields"/> sets (null = absent; <c>{"$object":null}</c> for a created object).</summary>
    public static string PriorOf(JsonObject? current, JsonObject fields, ChangeKind kind)
    {
        if (kind == ChangeKind.Create || current is null)
        {
            return "{\"$object\":null}";
        }

        var prior = new JsonObject();
        foreach (var path in JsonTools.Leaves(fields))
        {
            prior[path.ToString()] = path.Find(current).Value?.DeepClone();
        }

        return prior.ToJsonString();
    }

    /// <summary>The run that annotated this object, if any.</summary>
    public static string? RunOf(JsonObject? obj) => RunPath.Find(obj).Value?.GetValue<string>();

    public static JsonObject Patch(string runId, string prior) => new()
    {
        ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [Run] = runId, [Prior] = prior } },
    };
}

using System.Text.Json.Nodes;
using DrillBot.Lab;

namespace DrillBot.Tests.Service.Support;

/// <summary>The objects a drill may touch, as the Lab stores them (minus resourceVersion, generation, managedFields, status), for byte-for-byte comparison.</summary>
internal static class LabState
{
    public static IReadOnlyDictionary<string, string?> Snapshot(LabHost lab) => new Dictionary<string, string?>
    {
        ["reviews-v1"] = State(lab, "ack-hangzhou", "Deployment", "reviews-v1"),
        ["reviews-v2"] = State(lab, "ack-shanghai", "Deployment", "reviews-v2"),
        ["dr/reviews"] = State(lab, "asm", "DestinationRule", "reviews"),
        ["vs/reviews"] = State(lab, "asm", "VirtualService", "reviews"),
    };

    public static string? State(LabHost lab, string context, string kind, string name)
    {
        var json = lab.GetObjectJson(context, kind, "default", name);
        if (json is null || JsonNode.Parse(json) is not JsonObject obj)
        {
            return json;
        }

        var meta = obj["metadata"]!.AsObject();
        meta.Remove("resourceVersion");
        meta.Remove("generation");
        meta.Remove("managedFields");
        obj.Remove("status");
        return obj.ToJsonString();
    }
}

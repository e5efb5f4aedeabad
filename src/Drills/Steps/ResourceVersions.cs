using System.Text.Json.Nodes;

namespace DrillBot.Drills.Steps;

/// <summary>
/// Optimistic concurrency for merge patches: a patch carrying <c>metadata.resourceVersion</c> is refused with
/// 409 when the object changed since it was read, so a write never silently overwrites someone else's edit.
/// </summary>
internal static class ResourceVersions
{
    /// <summary>Adds the resourceVersion of <paramref name="read"/> to <paramref name="patch"/> (nothing when it has none).</summary>
    public static JsonObject Require(JsonObject patch, JsonObject? read)
    {
        if (read?["metadata"]?["resourceVersion"]?.DeepClone() is not { } version)
        {
            return patch;
        }

        if (patch["metadata"] is not JsonObject meta)
        {
            meta = [];
            patch["metadata"] = meta;
        }

        meta["resourceVersion"] = version;
        return patch;
    }
}

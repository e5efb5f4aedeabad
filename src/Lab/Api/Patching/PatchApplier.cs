using System.Text.Json;
using System.Text.Json.Nodes;

namespace DrillBot.Lab.Api;

/// <summary>Applies a PATCH body of the request's content type to a copy of the stored object.</summary>
internal static class PatchApplier
{
    public const string MergePatch = "application/merge-patch+json";
    public const string JsonPatchType = "application/json-patch+json";
    public const string StrategicPatch = "application/strategic-merge-patch+json";
    public const string ApplyPatch = "application/apply-patch+yaml";

    /// <summary>Media types a resource accepts, as the real API server lists them in a 415.</summary>
    public static string Accepted(bool strategic) => strategic
        ? $"{JsonPatchType}, {MergePatch}, {StrategicPatch}"
        : $"{JsonPatchType}, {MergePatch}";

    /// <summary>
    /// Returns the patched object, or an error result (400 malformed, 415 wrong patch type, 422 inapplicable).
    /// </summary>
    public static (JsonObject? Result, ApiResult? Error) Apply(JsonObject current, string? contentType, string body, bool strategicAllowed)
    {
        var mediaType = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is not (MergePatch or JsonPatchType) && !(strategicAllowed && mediaType == StrategicPatch))
        {
            return (null, KubeStatus.UnsupportedMediaType(Accepted(strategicAllowed)));
        }

        JsonNode? patch;
        try
        {
            patch = JsonNode.Parse(body);
        }
        catch (JsonException ex)
        {
            return (null, KubeStatus.BadRequest($"error decoding patch: {ex.Message}"));
        }

        try
        {
            var copy = (JsonObject)current.DeepClone();
            JsonNode? result = mediaType switch
            {
                MergePatch => patch is JsonObject ? JsonMergePatch.Apply(copy, patch) : throw new PatchException("merge patch must be a JSON object", malformed: true),
                JsonPatchType => JsonPatch.Apply(copy, patch),
                _ => StrategicMergePatch.Apply(copy, patch),
            };
            return result is JsonObject obj
                ? (obj, null)
                : (null, KubeStatus.Unprocessable("the patch result is not a JSON object"));
        }
        catch (PatchException ex)
        {
            return (null, ex.Malformed ? KubeStatus.BadRequest(ex.Message) : KubeStatus.Unprocessable(ex.Message));
        }
    }
}

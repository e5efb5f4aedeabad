using System.Text.Json;
using System.Text.Json.Nodes;

namespace DrillBot.Lab.Api;

/// <summary>The apps/v1 Deployment validation a drill can trip over (422 Invalid, object untouched).</summary>
internal static class DeploymentValidation
{
    public static ApiResult? Validate(JsonObject current, JsonObject updated, string name)
    {
        var type = ResourceCatalog.Deployments;
        if (updated["spec"] is not JsonObject spec)
        {
            return KubeStatus.Invalid(type, name, "spec", "Required value");
        }

        if (spec["replicas"] is { } replicas)
        {
            if (replicas.GetValueKind() != JsonValueKind.Number || !((JsonValue)replicas).TryGetValue<int>(out var n))
            {
                return KubeStatus.Invalid(type, name, "spec.replicas", $"Invalid value: {replicas.ToJsonString(JsonDefaults.Options)}: must be an integer");
            }

            if (n < 0)
            {
                return KubeStatus.Invalid(type, name, "spec.replicas", $"Invalid value: {n}: must be greater than or equal to 0");
            }
        }

        if (!JsonNode.DeepEquals(spec["selector"], current["spec"]?["selector"]))
        {
            return KubeStatus.Invalid(type, name, "spec.selector", $"Invalid value: {spec["selector"]?.ToJsonString(JsonDefaults.Options) ?? "null"}: field is immutable");
        }

        var selector = spec["selector"]?["matchLabels"] as JsonObject ?? [];
        var templateLabels = spec["template"]?["metadata"]?["labels"] as JsonObject ?? [];
        foreach (var (key, value) in selector)
        {
            if (templateLabels[key]?.ToString() != value?.ToString())
            {
                return KubeStatus.Invalid(type, name, "spec.template.metadata.labels",
                    $"Invalid value: {templateLabels.ToJsonString(JsonDefaults.Options)}: `selector` does not match template `labels`");
            }
        }

        if (spec["template"]?["spec"]?["containers"] is not JsonArray { Count: > 0 })
        {
            return KubeStatus.Invalid(type, name, "spec.template.spec.containers", "Required value");
        }

        return null;
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace DrillBot.Lab.Api;

/// <summary>The <c>deployments/{name}/scale</c> subresource (autoscaling/v1 Scale): get, update, patch.</summary>
internal static class ScaleSubresource
{
    public static ApiResult Handle(ApiRequest request, JsonObject deployment, string name, Func<int, string?, ApiResult> setReplicas)
    {
        var scale = JsonNode.Parse(Render(deployment, null))!.AsObject();
        switch (request.Method)
        {
            case "GET" or "HEAD":
                return ApiResult.Ok(scale.ToJsonString(JsonDefaults.Options));
            case "PUT":
                if (CanonicalJson.ParseObject(request.Body) is not { } body)
                {
                    return KubeStatus.BadRequest("the request body is not a JSON object");
                }

                return Apply(body, name, setReplicas);
            case "PATCH":
                var (patched, error) = PatchApplier.Apply(scale, request.ContentType, request.Body, strategicAllowed: true);
                return error ?? Apply(patched!, name, setReplicas);
            default:
                return KubeStatus.MethodNotAllowed("the server does not allow this method on the requested resource");
        }
    }

    public static string Render(JsonObject deployment, JsonObject? dryRun)
    {
        var source = dryRun ?? deployment;
        var meta = (JsonObject)deployment["metadata"]!;
        var labels = deployment["spec"]?["selector"]?["matchLabels"] as JsonObject ?? [];
        return CanonicalJson.Serialize(new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = new JsonObject
            {
                ["name"] = meta["name"]?.DeepClone(),
                ["namespace"] = meta["namespace"]?.DeepClone(),
                ["uid"] = meta["uid"]?.DeepClone(),
                ["resourceVersion"] = meta["resourceVersion"]?.DeepClone(),
                ["creationTimestamp"] = meta["creationTimestamp"]?.DeepClone(),
            },
            ["spec"] = new JsonObject { ["replicas"] = DeploymentHandler.Replicas(source) },
            ["status"] = new JsonObject
            {
                ["replicas"] = deployment["status"]?["replicas"]?.GetValue<int>() ?? 0,
                ["selector"] = string.Join(",", labels.Select(l => $"{l.Key}={l.Value}")),
            },
        });
    }

    private static ApiResult Apply(JsonObject scale, string name, Func<int, string?, ApiResult> setReplicas)
    {
        var type = ResourceCatalog.Scale;
        if (scale["metadata"]?["name"]?.ToString() is { } bodyName && bodyName != name)
        {
            return KubeStatus.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
        }

        var replicas = scale["spec"]?["replicas"];
        if (replicas is null)
        {
            return setReplicas(0, scale["metadata"]?["resourceVersion"]?.ToString());
        }

        if (replicas.GetValueKind() != JsonValueKind.Number || !((JsonValue)replicas).TryGetValue<int>(out var n))
        {
            return KubeStatus.Invalid(type, name, "spec.replicas", $"Invalid value: {replicas.ToJsonString(JsonDefaults.Options)}: must be an integer");
        }

        return n < 0
            ? KubeStatus.Invalid(type, name, "spec.replicas", $"Invalid value: {n}: must be greater than or equal to 0")
            : setReplicas(n, scale["metadata"]?["resourceVersion"]?.ToString());
    }
}

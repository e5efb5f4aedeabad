using System.Text.Json;
using System.Text.Json.Nodes;
using DrillBot.Lab.State;

namespace DrillBot.Lab.Api;

/// <summary>
/// apps/v1 Deployments: get, list, patch (merge, strategic merge, JSON patch), update, the status and scale
/// subresources. A change of spec.replicas scales the emulated pods.
/// </summary>
internal sealed class DeploymentHandler(LabWorld world, ContextState context)
{
    private static readonly ResourceType Type = ResourceCatalog.Deployments;

    public ApiResult Handle(ApiRequest request, ResourceAddress address, DateTimeOffset now)
    {
        if (address.Name is null)
        {
            return List(request, address);
        }

        var name = address.Name;
        if (context.Store.Get(ResourceCatalog.DeploymentKind, address.Namespace!, name) is not { } current)
        {
            return KubeStatus.NotFound(Type, name);
        }

        if (address.Subresource == "scale")
        {
            return ScaleSubresource.Handle(request, current, name, (replicas, rv) => SetReplicas(request, current, name, replicas, rv, now));
        }

        return request.Method switch
        {
            "GET" or "HEAD" => ApiResult.Ok(CanonicalJson.Serialize(current)),
            "PUT" => Replace(request, current, name, now),
            "PATCH" => Patch(request, current, name, now),
            _ => KubeStatus.MethodNotAllowed("the server does not allow this method on the requested resource"),
        };
    }

    private ApiResult List(ApiRequest request, ResourceAddress address)
    {
        if (LabelSelector.Parse(request.QueryValue("labelSelector")) is not { } selector)
        {
            return KubeStatus.BadRequest($"unable to parse requirement: invalid label selector \"{request.QueryValue("labelSelector")}\"");
        }

        if (!FieldSelector.TryParse(request.QueryValue("fieldSelector"), out var fields))
        {
            return KubeStatus.BadRequest($"field label not supported: \"{request.QueryValue("fieldSelector")}\" (the Lab knows metadata.name and metadata.namespace)");
        }

        var items = context.Store.List(ResourceCatalog.DeploymentKind, address.Namespace)
            .Where(o => selector.Matches(ObjectMetadata.Labels(o)) && fields.Matches(o));
        return ApiResult.Ok(ListRenderer.Render(address, context.Store.Revision, items));
    }

    private ApiResult Replace(ApiRequest request, JsonObject current, string name, DateTimeOffset now)
    {
        if (CanonicalJson.ParseObject(request.Body) is not { } body)
        {
            return KubeStatus.BadRequest("the request body is not a JSON object");
        }

        if (ObjectMetadata.Name(body) is { } bodyName && bodyName != name)
        {
            return KubeStatus.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
        }

        var rv = ObjectMetadata.ResourceVersion(body);
        return !string.IsNullOrEmpty(rv) && rv != ObjectMetadata.ResourceVersion(current)
            ? KubeStatus.Conflict(Type, name)
            : Commit(request, current, body, name, now);
    }

    private ApiResult Patch(ApiRequest request, JsonObject current, string name, DateTimeOffset now)
    {
        var (patched, error) = PatchApplier.Apply(current, request.ContentType, request.Body, strategicAllowed: true);
        if (error is not null)
        {
            return error;
        }

        var rv = ObjectMetadata.ResourceVersion(patched!);
        if (!string.IsNullOrEmpty(rv) && rv != ObjectMetadata.ResourceVersion(current))
        {
            return KubeStatus.Conflict(Type, name);
        }

        return ObjectMetadata.Name(patched!) != name
            ? KubeStatus.Invalid(Type, name, "metadata.name", $"Invalid value: \"{ObjectMetadata.Name(patched!)}\": field is immutable")
            : Commit(request, current, patched!, name, now);
    }

    private ApiResult SetReplicas(ApiRequest request, JsonObject current, string name, int replicas, string? rv, DateTimeOffset now)
    {
        if (!string.IsNullOrEmpty(rv) && rv != ObjectMetadata.ResourceVersion(current))
        {
            return KubeStatus.Conflict(ResourceCatalog.Scale, name);
        }

        var updated = (JsonObject)current.DeepClone();
        updated["spec"]!["replicas"] = replicas;
        var result = Commit(request, current, updated, name, now, "scale");
        return result.Status == 200
            ? ApiResult.Ok(ScaleSubresource.Render(context.Store.Get(ResourceCatalog.DeploymentKind, world.Namespace, name) ?? updated, request.DryRun ? updated : null))
            : result;
    }

    private ApiResult Commit(ApiRequest request, JsonObject current, JsonObject updated, string name, DateTimeOffset now, string? subresource = null)
    {
        var meta = updated["metadata"] as JsonObject ?? [];
        updated["metadata"] = meta;
        var currentMeta = (JsonObject)current["metadata"]!;
        foreach (var field in new[] { "name", "namespace", "uid", "creationTimestamp", "resourceVersion", "generation", "managedFields" })
        {
            meta[field] = currentMeta[field]?.DeepClone();
        }

        if (currentMeta["managedFields"] is null)
        {
            meta.Remove("managedFields");
        }

        updated["apiVersion"] = "apps/v1";
        updated["kind"] = ResourceCatalog.DeploymentKind;
        updated["status"] = current["status"]?.DeepClone();
        CanonicalJson.DropEmptyMetadataMaps(updated);
        if (DeploymentValidation.Validate(current, updated, name) is { } invalid)
        {
            return invalid;
        }

        if (JsonNode.DeepEquals(updated, current) || request.DryRun)
        {
            return ApiResult.Ok(CanonicalJson.Serialize(request.DryRun ? updated : current));
        }

        var specChanged = !JsonNode.DeepEquals(updated["spec"], current["spec"]);
        if (specChanged)
        {
            meta["generation"] = ObjectMetadata.Generation(current) + 1;
        }

        ManagedFields.Record(current, updated, request.Manager, "apps/v1", subresource, now);
        meta["resourceVersion"] = context.Store.NextResourceVersion();
        context.Store.Put(ResourceCatalog.DeploymentKind, world.Namespace, name, updated);
        var written = CanonicalJson.Serialize(updated);
        var oldReplicas = Replicas(current);
        var newReplicas = Replicas(updated);
        if (oldReplicas != newReplicas)
        {
            world.Record(now, LabEventKinds.ScaleApplied, context, $"Deployment/{world.Namespace}/{name}", $"replicas={newReplicas}");
        }

        var spec = context.Spec.Deployments.First(d => d.Name == name);
        world.Pods.Scale(context, spec, newReplicas, now);
        DeploymentStatusWriter.Refresh(world, context, name, now);
        return ApiResult.Ok(written);
    }

    public static int Replicas(JsonObject deployment) =>
        deployment["spec"]?["replicas"] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<int>() : 1;
}

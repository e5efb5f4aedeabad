using System.Text.Json.Nodes;

namespace DrillBot.Lab.Api;

/// <summary>Replace and patch: resourceVersion preconditions, immutable fields, generation, no-op detection.</summary>
internal sealed partial class StoredObjectHandler
{
    private ApiResult Replace(ApiRequest request, ResourceAddress address, string ns, string name, bool istio, DateTimeOffset now)
    {
        var type = address.Type;
        if (CanonicalJson.ParseObject(request.Body) is not { } body)
        {
            return KubeStatus.BadRequest("the request body is not a JSON object");
        }

        if (body["metadata"]?["name"]?.ToString() is { } bodyName && bodyName != name)
        {
            return KubeStatus.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
        }

        var current = context.Store.Get(type.Kind, ns, name);
        if (current is null)
        {
            return istio ? KubeStatus.NotFound(type, name) : Create(request, address, ns, now);
        }

        var rv = body["metadata"]?["resourceVersion"]?.ToString();
        if (string.IsNullOrEmpty(rv) && istio)
        {
            return KubeStatus.Invalid(type, name, "metadata.resourceVersion", "Invalid value: 0x0: must be specified for an update");
        }

        if (!string.IsNullOrEmpty(rv) && rv != ObjectMetadata.ResourceVersion(current))
        {
            return KubeStatus.Conflict(type, name);
        }

        return Commit(request, address, ns, name, current, body, istio, now);
    }

    private ApiResult Patch(ApiRequest request, ResourceAddress address, string ns, string name, bool istio, DateTimeOffset now)
    {
        var type = address.Type;
        if (context.Store.Get(type.Kind, ns, name) is not { } current)
        {
            return KubeStatus.NotFound(type, name);
        }

        var (patched, error) = PatchApplier.Apply(WithVersion(current, address), request.ContentType, request.Body, strategicAllowed: !istio);
        if (error is not null)
        {
            return error;
        }

        var rv = patched!["metadata"]?["resourceVersion"]?.ToString();
        if (!string.IsNullOrEmpty(rv) && rv != ObjectMetadata.ResourceVersion(current))
        {
            return KubeStatus.Conflict(type, name);
        }

        if (ObjectMetadata.Name(patched) != name || patched["metadata"]?["namespace"]?.ToString() is { } pns && pns != ns)
        {
            return KubeStatus.Invalid(type, name, "metadata.name", $"Invalid value: \"{ObjectMetadata.Name(patched)}\": field is immutable");
        }

        return Commit(request, address, ns, name, current, patched, istio, now);
    }

    private ApiResult Commit(ApiRequest request, ResourceAddress address, string ns, string name, JsonObject current, JsonObject updated, bool istio, DateTimeOffset now)
    {
        var type = address.Type;
        var meta = updated["metadata"] as JsonObject ?? [];
        updated["metadata"] = meta;
        var currentMeta = (JsonObject)current["metadata"]!;
        foreach (var field in new[] { "name", "namespace", "uid", "creationTimestamp", "resourceVersion", "generation", "managedFields" })
        {
            meta[field] = currentMeta[field]?.DeepClone();
        }

        foreach (var field in new[] { "generation", "managedFields" })
        {
            if (currentMeta[field] is null)
            {
                meta.Remove(field);
            }
        }

        updated["apiVersion"] = current["apiVersion"]?.DeepClone();
        updated["kind"] = type.Kind;
        if (istio || type.Handler == ResourceHandlerKind.Autoscalers)
        {
            updated["status"] = current["status"]?.DeepClone();
            if (updated["status"] is null)
            {
                updated.Remove("status");
            }
        }

        CanonicalJson.DropEmptyMetadataMaps(updated);
        if (IstioValidation.Validate(type, updated) is { } invalid)
        {
            return invalid;
        }

        if (JsonNode.DeepEquals(updated, current) || request.DryRun)
        {
            return ApiResult.Ok(Render(request.DryRun ? updated : current, address));
        }

        if ((istio || type.Handler == ResourceHandlerKind.Autoscalers) && !JsonNode.DeepEquals(Stripped(updated), Stripped(current)))
        {
            meta["generation"] = ObjectMetadata.Generation(current) + 1;
        }

        ManagedFields.Record(current, updated, request.Manager, address.ApiVersion, null, now);
        meta["resourceVersion"] = context.Store.NextResourceVersion();
        context.Store.Put(type.Kind, ns, name, updated);
        Changed(type, ns, name, "updated", now);
        return ApiResult.Ok(Render(updated, address));
    }
}

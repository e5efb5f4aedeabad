using System.Text.Json.Nodes;
using DrillBot.Lab.Mesh;
using DrillBot.Lab.State;

namespace DrillBot.Lab.Api;

/// <summary>
/// Full CRUD for objects kept as JSON: the Istio networking custom resources (merge and JSON patch only,
/// strategic merge refused with 415, resourceVersion required on update, the version echoed as requested)
/// and <c>coordination.k8s.io/v1</c> Leases (a built-in type: strategic merge allowed, unconditional update allowed).
/// </summary>
internal sealed class StoredObjectHandler(LabWorld world, ContextState context)
{
    public ApiResult Handle(ApiRequest request, ResourceAddress address, DateTimeOffset now)
    {
        var istio = address.Type.Handler == ResourceHandlerKind.Istio;
        var ns = address.Namespace;
        return (request.Method, address.Name) switch
        {
            ("GET" or "HEAD", null) => List(request, address),
            ("GET" or "HEAD", { } name) => Get(address, ns!, name),
            ("POST", null) => Create(request, address, ns!, now),
            ("PUT", { } name) => Replace(request, address, ns!, name, istio, now),
            ("PATCH", { } name) => Patch(request, address, ns!, name, istio, now),
            ("DELETE", { } name) => Delete(request, address, ns!, name, istio, now),
            _ => KubeStatus.MethodNotAllowed("the server does not allow this method on the requested resource"),
        };
    }

    private ApiResult Get(ResourceAddress address, string ns, string name) =>
        context.Store.Get(address.Type.Kind, ns, name) is { } obj
            ? ApiResult.Ok(Render(obj, address))
            : KubeStatus.NotFound(address.Type, name);

    private ApiResult List(ApiRequest request, ResourceAddress address)
    {
        if (LabelSelector.Parse(request.QueryValue("labelSelector")) is not { } selector)
        {
            return KubeStatus.BadRequest($"unable to parse requirement: invalid label selector \"{request.QueryValue("labelSelector")}\"");
        }

        var items = context.Store.List(address.Type.Kind, address.Namespace)
            .Where(o => selector.Matches(ObjectMetadata.Labels(o)))
            .Select(o => WithVersion(o, address));
        return ApiResult.Ok(ListRenderer.Render(address, context.Store.Revision, items));
    }

    private ApiResult Create(ApiRequest request, ResourceAddress address, string ns, DateTimeOffset now)
    {
        var type = address.Type;
        if (CanonicalJson.ParseObject(request.Body) is not { } body)
        {
            return KubeStatus.BadRequest("the request body is not a JSON object");
        }

        if (body["kind"]?.ToString() is { } kind && kind != type.Kind)
        {
            return KubeStatus.BadRequest($"the kind of the provided object ({kind}) does not match the resource {type.QualifiedPlural}");
        }

        var meta = body["metadata"] as JsonObject ?? [];
        body["metadata"] = meta;
        if (meta["name"]?.ToString() is not { Length: > 0 } name)
        {
            if (meta["generateName"]?.ToString() is not { Length: > 0 } prefix)
            {
                return KubeStatus.Invalid(type, "", "metadata.name", "Required value: name or generateName is required");
            }

            name = prefix + Mesh.PodNames.Suffix(world.Random, 5);
            meta["name"] = name;
        }

        if (meta["namespace"]?.ToString() is { } bodyNs && bodyNs != ns)
        {
            return KubeStatus.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        if (!context.Namespaces(world.Namespace).Contains(ns))
        {
            return KubeStatus.NamespaceNotFound(ns);
        }

        if (context.Store.Get(type.Kind, ns, name) is not null)
        {
            return KubeStatus.AlreadyExists(type, name);
        }

        if (IstioValidation.Validate(type, body) is { } invalid)
        {
            return invalid;
        }

        meta["namespace"] = ns;
        meta["uid"] = Mesh.PodNames.Uid(world.Random);
        meta["creationTimestamp"] = KubeTime.Format(now);
        meta.Remove("resourceVersion");
        meta.Remove("deletionTimestamp");
        if (type.Handler == ResourceHandlerKind.Istio)
        {
            meta["generation"] = 1;
            body.Remove("status");
        }

        body["apiVersion"] = address.ApiVersion;
        body["kind"] = type.Kind;
        CanonicalJson.DropEmptyMetadataMaps(body);
        if (request.DryRun)
        {
            return ApiResult.Created(Render(body, address));
        }

        meta["resourceVersion"] = context.Store.NextResourceVersion();
        context.Store.Put(type.Kind, ns, name, body);
        Changed(type, ns, name, "created", now);
        return ApiResult.Created(Render(body, address));
    }

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
        foreach (var field in new[] { "name", "namespace", "uid", "creationTimestamp", "resourceVersion", "generation" })
        {
            meta[field] = currentMeta[field]?.DeepClone();
        }

        if (currentMeta["generation"] is null)
        {
            meta.Remove("generation");
        }

        updated["apiVersion"] = current["apiVersion"]?.DeepClone();
        updated["kind"] = type.Kind;
        if (istio)
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

        if (istio && !JsonNode.DeepEquals(Stripped(updated), Stripped(current)))
        {
            meta["generation"] = ObjectMetadata.Generation(current) + 1;
        }

        meta["resourceVersion"] = context.Store.NextResourceVersion();
        context.Store.Put(type.Kind, ns, name, updated);
        Changed(type, ns, name, "updated", now);
        return ApiResult.Ok(Render(updated, address));
    }

    private ApiResult Delete(ApiRequest request, ResourceAddress address, string ns, string name, bool istio, DateTimeOffset now)
    {
        var type = address.Type;
        if (context.Store.Get(type.Kind, ns, name) is not { } current)
        {
            return KubeStatus.NotFound(type, name);
        }

        var options = CanonicalJson.ParseObject(request.Body);
        if (options?["preconditions"]?["resourceVersion"]?.ToString() is { Length: > 0 } rv && rv != ObjectMetadata.ResourceVersion(current))
        {
            return KubeStatus.PreconditionConflict(type, name,
                $"the ResourceVersion in the precondition ({rv}) does not match the ResourceVersion in record ({ObjectMetadata.ResourceVersion(current)}). The object might have been modified");
        }

        if (options?["preconditions"]?["uid"]?.ToString() is { Length: > 0 } uid && uid != ObjectMetadata.Uid(current))
        {
            return KubeStatus.PreconditionConflict(type, name,
                $"the UID in the precondition ({uid}) does not match the UID in record ({ObjectMetadata.Uid(current)}). The object might have been deleted and then recreated");
        }

        if (!request.DryRun)
        {
            context.Store.Remove(type.Kind, ns, name);
            context.Store.NextResourceVersion();
            Changed(type, ns, name, "deleted", now);
        }

        return istio ? ApiResult.Ok(Render(current, address)) : KubeStatus.Success(type, name, ObjectMetadata.Uid(current));
    }

    private void Changed(ResourceType type, string ns, string name, string what, DateTimeOffset now)
    {
        if (type.Handler != ResourceHandlerKind.Istio || context != world.MeshContext)
        {
            return;
        }

        world.Record(now, LabEventKinds.PolicyChanged, context, $"{type.Kind}/{ns}/{name}", PolicySummary.Describe(world, type.Kind, ns, name, what));
        world.IstioChanged(now);
    }

    private static JsonObject Stripped(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy.Remove("metadata");
        copy.Remove("status");
        copy.Remove("apiVersion");
        return copy;
    }

    private static JsonObject WithVersion(JsonObject obj, ResourceAddress address)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy["apiVersion"] = address.ApiVersion;
        return copy;
    }

    private static string Render(JsonObject obj, ResourceAddress address) => CanonicalJson.Serialize(WithVersion(obj, address));
}

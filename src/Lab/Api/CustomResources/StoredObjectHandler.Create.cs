using System.Text.Json.Nodes;

namespace DrillBot.Lab.Api;

/// <summary>Create: server-filled metadata, namespace checks, AlreadyExists, Istio validation.</summary>
internal sealed partial class StoredObjectHandler
{
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
        if (type.IsCustom || type.Handler == ResourceHandlerKind.Autoscalers)
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

        meta.Remove("managedFields");
        ManagedFields.Record(null, body, request.Manager, address.ApiVersion, null, now);
        meta["resourceVersion"] = context.Store.NextResourceVersion();
        context.Store.Put(type.Kind, ns, name, body);
        Changed(type, ns, name, "created", now);
        return ApiResult.Created(Render(body, address));
    }
}

using System.Text.Json.Nodes;
using DrillBot.Lab.State;

namespace DrillBot.Lab.Api;

/// <summary>Read-only views generated from the emulated pods: Pods, Endpoints, Services, Namespaces.</summary>
internal sealed class WorkloadReader(LabWorld world, ContextState context)
{
    public ApiResult Handle(ApiRequest request, ResourceAddress address)
    {
        var type = address.Type;
        if (LabelSelector.Parse(request.QueryValue("labelSelector")) is not { } selector)
        {
            return KubeStatus.BadRequest($"unable to parse requirement: invalid label selector \"{request.QueryValue("labelSelector")}\"");
        }

        if (!FieldSelector.TryParse(request.QueryValue("fieldSelector"), out var fields))
        {
            return KubeStatus.BadRequest($"field label not supported: {request.QueryValue("fieldSelector")}");
        }

        // Runs under the world lock (taken by the router).
        var all = Objects(type, address.Namespace).Where(o => selector.Matches(ObjectMetadata.Labels(o)) && fields.Matches(o)).ToList();
        if (address.Name is null)
        {
            return ApiResult.Ok(ListRenderer.Render(address, context.Store.Revision, all));
        }

        var found = all.FirstOrDefault(o => ObjectMetadata.Name(o) == address.Name);
        return found is null ? KubeStatus.NotFound(type, address.Name) : ApiResult.Ok(CanonicalJson.Serialize(found));
    }

    private IEnumerable<JsonObject> Objects(ResourceType type, string? ns)
    {
        if (type == ResourceCatalog.Namespaces)
        {
            return context.Namespaces(world.Namespace).Order(StringComparer.Ordinal).Select(n => WorkloadObjects.Namespace(n, world.StartedAt));
        }

        if (ns is not null && ns != world.Namespace)
        {
            return [];
        }

        var apps = context.Spec.Deployments.Select(d => d.App).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return type.Handler switch
        {
            ResourceHandlerKind.Pods => world.Pods.LiveIn(context).OrderBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => WorkloadObjects.Pod(world, p)),
            ResourceHandlerKind.Endpoints => apps.Select(a => WorkloadObjects.Endpoints(world, context, a)),
            ResourceHandlerKind.Services => apps.Select(a => WorkloadObjects.Service(world, context, a)),
            _ => [],
        };
    }
}

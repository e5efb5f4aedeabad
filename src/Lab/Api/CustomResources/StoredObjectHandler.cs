using System.Text.Json.Nodes;
using DrillBot.Lab.Mesh;
using DrillBot.Lab.State;

namespace DrillBot.Lab.Api;

/// <summary>
/// Full CRUD for objects kept as JSON: custom resources — Istio networking, Argo CD Applications, Flux Kustomizations, KEDA
/// ScaledObjects — (merge and JSON patch only, strategic merge refused with 415, resourceVersion required on update, the
/// version echoed as requested) and the built-in Leases, ConfigMaps and HorizontalPodAutoscalers (strategic merge allowed,
/// unconditional update allowed).
/// </summary>
internal sealed partial class StoredObjectHandler(LabWorld world, ContextState context)
{
    public ApiResult Handle(ApiRequest request, ResourceAddress address, DateTimeOffset now)
    {
        var istio = address.Type.IsCustom;
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

        if (!FieldSelector.TryParse(request.QueryValue("fieldSelector"), out var fields))
        {
            return KubeStatus.BadRequest($"field label not supported: \"{request.QueryValue("fieldSelector")}\" (the Lab knows metadata.name and metadata.namespace)");
        }

        var items = context.Store.List(address.Type.Kind, address.Namespace)
            .Where(o => selector.Matches(ObjectMetadata.Labels(o)) && fields.Matches(o))
            .Select(o => WithVersion(o, address));
        return ApiResult.Ok(ListRenderer.Render(address, context.Store.Revision, items));
    }

    private void Changed(ResourceType type, string ns, string name, string what, DateTimeOffset now)
    {
        if (context == world.MeshContext && MeshConfigMap.IsMeshConfig(type.Kind, ns, name))
        {
            world.IstioChanged(now);
            world.Record(now, LabEventKinds.PolicyChanged, context, $"{type.Kind}/{ns}/{name}", world.DescribeMeshConfig(what));
            return;
        }

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

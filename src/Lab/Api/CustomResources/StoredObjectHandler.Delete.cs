using System.Text.Json.Nodes;

namespace DrillBot.Lab.Api;

/// <summary>Delete with resourceVersion/uid preconditions.</summary>
internal sealed partial class StoredObjectHandler
{
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
            Changed(type, ns, name, "deleted", now);
        }

        return istio ? ApiResult.Ok(Render(current, address)) : KubeStatus.Success(type, name, ObjectMetadata.Uid(current));
    }
}

using System.Text.Json.Nodes;
using DrillBot.Lab.Api;
using DrillBot.Lab.State;

namespace DrillBot.Lab.Controllers;

/// <summary>
/// The Lab's controllers write through the same handlers as API clients, under their own field manager, so their writes
/// scale pods, bump resourceVersions, update managedFields and reach watches exactly like anyone's. Runs under the world lock.
/// </summary>
internal static class ControllerWrites
{
    public static ApiResult MergePatch(LabWorld world, ContextState context, ResourceType type, string ns, string name, JsonObject patch, string manager, DateTimeOffset now)
    {
        var request = Request("PATCH", patch, manager);
        var address = new ResourceAddress(type, type.Versions[0], ns, name, null);
        return type.Handler == ResourceHandlerKind.Deployments
            ? new DeploymentHandler(world, context).Handle(request, address, now)
            : new StoredObjectHandler(world, context).Handle(request, address, now);
    }

    /// <summary>Sets spec.replicas through the Deployment's scale subresource, as autoscalers do.</summary>
    public static ApiResult Scale(LabWorld world, ContextState context, string ns, string deployment, int replicas, string manager, DateTimeOffset now)
    {
        var request = Request("PATCH", new JsonObject { ["spec"] = new JsonObject { ["replicas"] = replicas } }, manager);
        return new DeploymentHandler(world, context).Handle(request, new ResourceAddress(ResourceCatalog.Deployments, "v1", ns, deployment, "scale"), now);
    }

    private static ApiRequest Request(string method, JsonObject body, string manager) =>
        new(method, "", new Dictionary<string, string> { ["fieldManager"] = manager }, PatchApplier.MergePatch, body.ToJsonString());
}

using System.Text.Json.Nodes;
using DrillBot.Lab.Mesh;
using DrillBot.Lab.State;

namespace DrillBot.Lab.Api;

/// <summary>
/// The deployment controller's status writes: replicas/readyReplicas/availableReplicas follow the emulated
/// pods (zero counts omitted, as the real API serializes them); each change is a write with a new resourceVersion.
/// </summary>
internal static class DeploymentStatusWriter
{
    public static void Refresh(LabWorld world, ContextState context, string name, DateTimeOffset at)
    {
        var stored = context.Store.Get(ResourceCatalog.DeploymentKind, world.Namespace, name);
        if (stored is null)
        {
            return;
        }

        var status = Compute(world, context, stored, at);
        if (JsonNode.DeepEquals(status, stored["status"]))
        {
            return;
        }

        var updated = (JsonObject)stored.DeepClone();
        updated["status"] = status;
        updated["metadata"]!["resourceVersion"] = context.Store.NextResourceVersion();
        context.Store.Put(ResourceCatalog.DeploymentKind, world.Namespace, name, updated);
    }

    public static JsonObject Compute(LabWorld world, ContextState context, JsonObject deployment, DateTimeOffset at)
    {
        var name = ObjectMetadata.Name(deployment)!;
        var pods = world.Pods.Of(context, name).Where(p => p.Phase is PodPhase.Starting or PodPhase.Ready).ToList();
        var replicas = pods.Count;
        var ready = pods.Count(p => p.Phase == PodPhase.Ready);
        var desired = deployment["spec"]?["replicas"] is JsonValue v && v.TryGetValue<int>(out var r) ? r : 1;
        var status = new JsonObject { ["observedGeneration"] = ObjectMetadata.Generation(deployment) };
        AddCount(status, "replicas", replicas);
        AddCount(status, "updatedReplicas", replicas);
        AddCount(status, "readyReplicas", ready);
        AddCount(status, "availableReplicas", ready);
        AddCount(status, "unavailableReplicas", Math.Max(0, desired - ready));
        var available = ready >= desired - (desired / 4);
        var old = deployment["status"]?["conditions"] as JsonArray;
        status["conditions"] = new JsonArray(
            Condition(old, "Available", available ? "True" : "False",
                available ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                available ? "Deployment has minimum availability." : "Deployment does not have minimum availability.", at),
            Condition(old, "Progressing", "True", "NewReplicaSetAvailable",
                $"ReplicaSet \"{name}-{world.Pods.TemplateHash(context, name)}\" has successfully progressed.", at));
        return status;
    }

    private static void AddCount(JsonObject status, string field, int value)
    {
        if (value != 0)
        {
            status[field] = value;
        }
    }

    private static JsonObject Condition(JsonArray? old, string type, string value, string reason, string message, DateTimeOffset at)
    {
        var previous = old?.OfType<JsonObject>().FirstOrDefault(c => c["type"]?.ToString() == type);
        var unchanged = previous?["status"]?.ToString() == value && previous?["reason"]?.ToString() == reason;
        var time = KubeTime.Format(at);
        return new JsonObject
        {
            ["type"] = type,
            ["status"] = value,
            ["lastUpdateTime"] = unchanged ? previous!["lastUpdateTime"]?.DeepClone() : time,
            ["lastTransitionTime"] = unchanged ? previous!["lastTransitionTime"]?.DeepClone() : time,
            ["reason"] = reason,
            ["message"] = message,
        };
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using DrillBot.Lab.Api;
using DrillBot.Lab.State;

namespace DrillBot.Lab.Controllers;

/// <summary>
/// KEDA ScaledObjects and HPAs as far as a drill's scale step meets them (the Lab has no metrics):
/// <list type="bullet">
/// <item>KEDA (https://keda.sh/docs/2.16/concepts/scaling-deployments/#pausing-autoscaling,
/// https://keda.sh/docs/2.16/reference/scaledobject-spec/): <c>autoscaling.keda.sh/paused-replicas: N</c> holds the target at N;
/// <c>autoscaling.keda.sh/paused: "true"</c> leaves it as it is; otherwise a target below <c>minReplicaCount</c> is scaled up to
/// it, and a target at 0 is scaled from zero to max(minReplicaCount, 1) — the Lab takes every trigger as active (no event
/// source), the pessimistic case for a drill; above <c>maxReplicaCount</c> it is scaled down.</item>
/// <item>HPA (https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#implicit-maintenance-mode-deactivation):
/// a target at 0 replicas is left alone (ScalingActive False, ScalingDisabled); otherwise it is kept within
/// [minReplicas, maxReplicas] (metrics not modelled: inside the bounds it stays).</item>
/// </list>
/// Writes go through the scale subresource as <c>keda-operator</c> / <c>kube-controller-manager</c>.
/// </summary>
internal sealed class AutoscalerController(LabWorld world)
{
    /// <summary>The ScaledObjects and HPAs of this context whose scaleTargetRef names the Deployment.</summary>
    public IEnumerable<OwnerRef> ScalersOf(ContextState context, string ns, string deployment)
    {
        foreach (var kind in new[] { OwnerKinds.ScaledObject, OwnerKinds.HorizontalPodAutoscaler })
        {
            foreach (var scaler in context.Store.List(kind, ns))
            {
                var target = scaler["spec"]?["scaleTargetRef"];
                if (target?["name"]?.ToString() == deployment && (target["kind"]?.ToString() ?? "Deployment") == "Deployment")
                {
                    yield return new OwnerRef(context.Name, kind, ns, ObjectMetadata.Name(scaler)!);
                }
            }
        }
    }

    public void Reconcile(ContextState context, OwnerRef owner, DateTimeOffset now)
    {
        if (context.Store.Get(owner.Kind, owner.Namespace, owner.Name) is not { } scaler
            || scaler["spec"]?["scaleTargetRef"]?["name"]?.ToString() is not { } target
            || context.Store.Get(ResourceCatalog.DeploymentKind, owner.Namespace, target) is not { } deployment)
        {
            return;
        }

        var current = DeploymentHandler.Replicas(deployment);
        var (desired, why) = owner.Kind == OwnerKinds.ScaledObject ? Keda(scaler, current) : Hpa(context, owner, scaler, current, now);
        if (desired is not { } replicas || replicas == current)
        {
            return;
        }

        var manager = owner.Kind == OwnerKinds.ScaledObject ? OwnerKinds.KedaManager : OwnerKinds.HpaManager;
        var result = ControllerWrites.Scale(world, context, owner.Namespace, target, replicas, manager, now);
        world.Record(now, LabEventKinds.OwnerActed, context, $"Deployment/{owner.Namespace}/{target}",
            $"{owner} scaled {target} from {current} to {replicas}: {why} (HTTP {result.Status}, manager {manager})");
    }

    private static (int? Replicas, string Why) Keda(JsonObject so, int current)
    {
        var annotations = so["metadata"]?["annotations"] as JsonObject;
        if (annotations?[OwnerKinds.KedaPausedReplicas]?.ToString() is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var paused))
        {
            return (paused, $"paused at {paused} replicas ({OwnerKinds.KedaPausedReplicas})");
        }

        if (annotations?[OwnerKinds.KedaPaused]?.ToString() == "true")
        {
            return (null, "paused");
        }

        var min = Int(so["spec"]?["minReplicaCount"]) ?? 0;
        var max = Int(so["spec"]?["maxReplicaCount"]) ?? 100;
        return current < min ? (min, $"below minReplicaCount {min}")
            : current == 0 ? (Math.Max(min, 1), "activated from zero (the Lab takes triggers as active)")
            : current > max ? (max, $"above maxReplicaCount {max}")
            : (null, "within bounds");
    }

    private (int? Replicas, string Why) Hpa(ContextState context, OwnerRef owner, JsonObject hpa, int current, DateTimeOffset now)
    {
        var min = Int(hpa["spec"]?["minReplicas"]) ?? 1;
        var max = Int(hpa["spec"]?["maxReplicas"]) ?? min;
        var disabled = current == 0;
        var desired = disabled ? current : Math.Clamp(current, min, max);
        WriteStatus(context, owner, hpa, current, desired, disabled, now);
        return disabled ? (null, "scaling disabled at 0 replicas") : (desired, desired < current ? $"above maxReplicas {max}" : $"below minReplicas {min}");
    }

    /// <summary>The HPA controller's status write (not a spec change: no generation bump, no managedFields entry in the Lab).</summary>
    private void WriteStatus(ContextState context, OwnerRef owner, JsonObject hpa, int current, int desired, bool disabled, DateTimeOffset now)
    {
        var condition = new JsonObject
        {
            ["type"] = "ScalingActive",
            ["status"] = disabled ? "False" : "True",
            ["reason"] = disabled ? "ScalingDisabled" : "ValidMetricFound",
            ["message"] = disabled ? "scaling is disabled since the replica count of the target is zero" : "the HPA was able to successfully calculate a replica count",
            ["lastTransitionTime"] = KubeTime.Format(now),
        };
        var old = hpa["status"]?["conditions"]?[0];
        if (old?["status"]?.ToString() == condition["status"]!.ToString() && hpa["status"]?["currentReplicas"]?.ToString() == current.ToString(CultureInfo.InvariantCulture))
        {
            return;
        }

        var updated = (JsonObject)hpa.DeepClone();
        updated["status"] = new JsonObject { ["currentReplicas"] = current, ["desiredReplicas"] = desired, ["conditions"] = new JsonArray(condition) };
        updated["metadata"]!["resourceVersion"] = context.Store.NextResourceVersion();
        context.Store.Put(owner.Kind, owner.Namespace, owner.Name, updated);
    }

    private static int? Int(JsonNode? node) => node is JsonValue v && v.TryGetValue<int>(out var i) ? i
        : int.TryParse(node?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
}

using System.Globalization;
using System.Text.Json.Nodes;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;

namespace DrillBot.Drills.Owners;

/// <summary>
/// KEDA ScaledObjects and HPAs whose scaleTargetRef names a Deployment a scale step changes, and what each does about it:
/// KEDA scales a target back up to minReplicaCount (from 0: to max(minReplicaCount, 1) once a trigger is active) unless paused;
/// an HPA does not scale a target at 0 replicas (https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#implicit-maintenance-mode-deactivation)
/// but sets any other count from its metrics.
/// </summary>
internal static class AutoscalerOwners
{
    public static bool Targets(JsonObject scaler, string deployment) =>
        scaler["spec"]?["scaleTargetRef"] is JsonObject t && t["name"]?.ToString() == deployment && (t["kind"]?.ToString() ?? "Deployment") == "Deployment";

    public static OwnerFinding Keda(ObjectRef so, ScaleStep step, ObjectRef target, JsonObject obj)
    {
        var annotations = obj["metadata"]?["annotations"] as JsonObject;
        var min = Int(obj["spec"]?["minReplicaCount"]) ?? 0;
        var finding = new OwnerFinding(OwnerType.Keda, so, target, true, "")
        {
            Current = obj,
            Pause = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [OwnerLabels.KedaPaused] = "true" } } },
            PauseDescription = $"pause autoscaling at the current count ({OwnerLabels.KedaPaused}: \"true\"; removed afterwards)",
        };
        if (annotations?[OwnerLabels.KedaPausedReplicas]?.ToString() is { } held)
        {
            var n = Int(JsonValue.Create(held));
            return finding with
            {
                Acts = n != step.Replicas,
                Why = $"paused with {OwnerLabels.KedaPausedReplicas}: \"{held}\": KEDA holds the target at {held} replicas",
                CannotPause = n == step.Replicas ? null : $"ScaledObject {so.Namespace}/{so.Name} holds {target.Name} at {held} replicas ({OwnerLabels.KedaPausedReplicas}, which takes precedence over {OwnerLabels.KedaPaused}); remove or change it first",
            };
        }

        if (annotations?[OwnerLabels.KedaPaused]?.ToString() == "true")
        {
            return finding with { Acts = false, Why = $"paused ({OwnerLabels.KedaPaused}: \"true\"): KEDA leaves the replicas as they are" };
        }

        return finding with
        {
            Why = step.Replicas < Math.Max(min, 1)
                ? $"KEDA scales a target below minReplicaCount ({min}) back up, and from 0 to {Math.Max(min, 1)} as soon as a trigger is active, so it undoes a scale to {step.Replicas}"
                : "KEDA (through the HPA it creates) sets the replicas from its triggers",
        };
    }

    public static OwnerFinding Hpa(ObjectRef hpa, ScaleStep step, ObjectRef target, JsonObject obj)
    {
        var n = step.Replicas;
        return new OwnerFinding(OwnerType.Hpa, hpa, target, n > 0,
            n == 0
                ? "an HPA does not scale a target at 0 replicas (ScalingActive false, implicit maintenance mode), so it does not undo the scale to 0; it resumes once the restore scales the Deployment back"
                : $"the HPA sets the replicas from its metrics within [{Int(obj["spec"]?["minReplicas"]) ?? 1}, {Int(obj["spec"]?["maxReplicas"])}], so it would change the drill's {n}")
        {
            Current = obj,
            Pause = new JsonObject { ["spec"] = new JsonObject { ["minReplicas"] = n, ["maxReplicas"] = n } },
            PauseDescription = $"pin minReplicas and maxReplicas to {n} (restored afterwards)",
        };
    }

    /// <summary>An HPA created by KEDA for a ScaledObject (KEDA's pause covers it; KEDA deletes it while paused).</summary>
    public static bool OwnedByKeda(JsonObject hpa) =>
        (hpa["metadata"]?["ownerReferences"] as JsonArray ?? []).OfType<JsonObject>().Any(r => r["kind"]?.ToString() == "ScaledObject");

    private static int? Int(JsonNode? node) => node is JsonValue v && v.TryGetValue<int>(out var i) ? i
        : int.TryParse(node?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
}

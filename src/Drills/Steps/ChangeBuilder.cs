using System.Text.Json.Nodes;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Definitions.Parsing;
using DrillBot.Drills.Journal;

namespace DrillBot.Drills.Steps;

/// <summary>Computes the change a step makes to the object as it is now.</summary>
internal static class ChangeBuilder
{
    public static ObjectRef TargetOf(ObjectStepDefinition step) => step switch
    {
        ScaleStep s => new ObjectRef(s.Cluster, ObjectKind.Deployment, s.Namespace, s.Deployment),
        EnableFailoverStep f => new ObjectRef(f.Cluster, ObjectKind.DestinationRule, f.Namespace, f.DestinationRule),
        DistributeTrafficStep d => new ObjectRef(d.Cluster, ObjectKind.DestinationRule, d.Namespace, d.DestinationRule),
        InjectHttpFaultStep i => new ObjectRef(i.Cluster, ObjectKind.VirtualService, i.Namespace, i.VirtualService),
        FailWorkloadStep w => new ObjectRef(w.Cluster, ObjectKind.EnvoyFilter, w.Namespace, w.Name),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step.Kind, "not an object step"),
    };

    /// <summary>The change, or null when the object must exist and does not (or, for failWorkload, must not exist and does).</summary>
    public static StepChange? Build(ObjectStepDefinition step, JsonObject? current)
    {
        var target = TargetOf(step);
        if (step is FailWorkloadStep w)
        {
            return current is null ? WorkloadFaultFilter.Build(w, target) : null;
        }

        if (current is null && step is not InjectHttpFaultStep)
        {
            return null;
        }

        return step switch
        {
            ScaleStep s => new StepChange(target, ChangeKind.Scale, new JsonObject { ["spec"] = new JsonObject { ["replicas"] = s.Replicas } }, $"scale Deployment {s.Namespace}/{s.Deployment} to {s.Replicas}"),
            EnableFailoverStep f => new StepChange(target, ChangeKind.Patch, Spec(TrafficPolicy.Failover(f, current!)), $"enable locality failover on DestinationRule {f.Namespace}/{f.DestinationRule}"),
            DistributeTrafficStep d => new StepChange(target, ChangeKind.Patch, Spec(TrafficPolicy.Distribute(d, current!)), $"set locality distribution on DestinationRule {d.Namespace}/{d.DestinationRule}"),
            InjectHttpFaultStep i => Fault(i, target, current),
            _ => throw new ArgumentOutOfRangeException(nameof(step), step.Kind, "not an object step"),
        };
    }

    private static JsonObject Spec(JsonObject trafficPolicy) => new() { ["spec"] = new JsonObject { ["trafficPolicy"] = trafficPolicy } };

    private static StepChange Fault(InjectHttpFaultStep i, ObjectRef target, JsonObject? current)
    {
        var fault = new JsonObject();
        if (i.AbortStatus is { } status)
        {
            fault["abort"] = new JsonObject { ["httpStatus"] = status, ["percentage"] = new JsonObject { ["value"] = i.Percentage } };
        }

        if (i.Delay is { } delay)
        {
            fault["delay"] = new JsonObject { ["fixedDelay"] = DurationParser.Format(delay), ["percentage"] = new JsonObject { ["value"] = i.Percentage } };
        }

        var route = new JsonObject
        {
            ["name"] = "drillbot-fault",
            ["fault"] = fault,
            ["route"] = new JsonArray(new JsonObject { ["destination"] = new JsonObject { ["host"] = i.Host, ["subset"] = i.Subset } }),
        };
        var what = $"{(i.AbortStatus is { } s ? $"abort {s}" : string.Empty)}{(i.AbortStatus is not null && i.Delay is not null ? " and " : string.Empty)}{(i.Delay is { } d ? $"delay {DurationParser.Format(d)}" : string.Empty)}";
        if (current is null)
        {
            var body = new JsonObject
            {
                ["apiVersion"] = "networking.istio.io/v1",
                ["kind"] = "VirtualService",
                ["metadata"] = new JsonObject { ["name"] = i.VirtualService, ["namespace"] = i.Namespace },
                ["spec"] = new JsonObject { ["hosts"] = new JsonArray(JsonValue.Create(i.Host)), ["http"] = new JsonArray(route) },
            };
            return new StepChange(target, ChangeKind.Create, body, $"create VirtualService {i.Namespace}/{i.VirtualService}: {what} for {i.Percentage}% of {i.Host} subset {i.Subset}");
        }

        var http = new JsonArray(route);
        foreach (var existing in current["spec"]?["http"]?.AsArray() ?? [])
        {
            http.Add(existing?.DeepClone());
        }

        return new StepChange(target, ChangeKind.Patch, new JsonObject { ["spec"] = new JsonObject { ["http"] = http } }, $"add a fault route to VirtualService {i.Namespace}/{i.VirtualService}: {what} for {i.Percentage}% of {i.Host} subset {i.Subset}");
    }
}

using System.Text.Json.Nodes;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Definitions.Parsing;
using DrillBot.Drills.Cluster;
using DrillBot.Drills.Json;
using DrillBot.Drills.Owners;
using DrillBot.Drills.Permissions;
using DrillBot.Drills.Scheduling;
using DrillBot.Drills.Steps;

namespace DrillBot.Drills.Running;

/// <summary>Builds a dry-run plan with reads only.</summary>
internal static class DrillPlanner
{
    public static async Task<DrillPlan> PlanAsync(DrillsConfig config, DrillDefinition drill, DrillEngineOptions options, CancellationToken cancellationToken)
    {
        var notes = new List<string>();
        var now = options.TimeProvider.GetUtcNow();
        if (ActiveBlackout.At(config.Blackouts, now) is { } blackout)
        {
            notes.Add($"blackout '{blackout.Window.Name}' is active now: a real run would be refused");
        }

        foreach (var p in drill.Preconditions.OfType<ReadyReplicasPrecondition>())
        {
            var client = options.Clusters.Create(config.Clusters[p.Cluster]);
            var ready = client.Ok ? await client.Value!.GetReadyReplicasAsync(p.Namespace, p.Deployment, cancellationToken) : client.As<int>();
            notes.Add(ready.Ok ? $"precondition {p.Cluster}/{p.Deployment}: {ready.Value} ready (needs >= {p.AtLeast}){(ready.Value < p.AtLeast ? " — NOT MET" : string.Empty)}" : $"precondition {p.Cluster}/{p.Deployment}: {ready.Error!.Message}");
        }

        if (drill.Control is { } control)
        {
            var fault = drill.Steps.Select((st, i) => (st, i)).Where(x => x.st.Fault).Select(x => $"step {x.i + 1} ({x.st.Kind})").FirstOrDefault() ?? "no step";
            notes.Add($"control run first: {fault} alone for up to {DurationParser.Format(control.Duration)}, without {string.Join(", ", drill.LeftOutByControl.Select(st => st.Kind).Distinct(StringComparer.Ordinal))}; restored, then the steps below");
        }

        var changes = new List<PlannedChange>();
        for (var i = 0; i < drill.Steps.Count; i++)
        {
            changes.Add(await PlanStepAsync(config, options, i, drill.Steps[i], cancellationToken));
        }

        ClusterResult<IClusterClient> Client(string name) => config.Clusters.TryGetValue(name, out var def) ? options.Clusters.Create(def)
            : ClusterResult<IClusterClient>.Failure(new ClusterError(ClusterErrorKind.Invalid, null, $"cluster {name} is not declared"));
        var scan = await OwnerDetector.ScanAsync(drill, Client, cancellationToken);
        var decision = OwnerDecision.Of(scan.Findings, drill.Owners);
        var permissions = await PermissionPreflight.CheckAsync(config, drill, scan, decision.ToPause, "dry-run", options.Lock.LeaseName, Client, cancellationToken);
        return new DrillPlan(drill.Name, changes, notes) { Owners = decision.Findings, OwnersRefusal = decision.Refusal, Permissions = permissions };
    }

    private static async Task<PlannedChange> PlanStepAsync(DrillsConfig config, DrillEngineOptions options, int index, StepDefinition step, CancellationToken cancellationToken)
    {
        if (step is not ObjectStepDefinition objectStep)
        {
            var wait = (WaitStep)step;
            return new PlannedChange(index, step.Kind, $"wait {DurationParser.Format(wait.Duration)} (probing goes on)", null, null, null, "nothing to restore", step.Fault, null);
        }

        var target = ChangeBuilder.TargetOf(objectStep);
        var client = options.Clusters.Create(config.Clusters[objectStep.Cluster]);
        var read = client.Ok ? await client.Value!.GetAsync(target, cancellationToken) : client.As<JsonObject?>();
        if (!read.Ok)
        {
            return new PlannedChange(index, step.Kind, step.Kind, target, null, null, "-", step.Fault, read.Error!.Message);
        }

        var change = ChangeBuilder.Build(objectStep, read.Value);
        if (change is null)
        {
            return new PlannedChange(index, step.Kind, step.Kind, target, null, null, "-", step.Fault, $"{target} {(objectStep is FailWorkloadStep ? "already exists: a real run would refuse to replace it" : "does not exist")}");
        }

        if (change.Kind == ChangeKind.Create)
        {
            return new PlannedChange(index, step.Kind, change.Description, target, "{\"spec\":null}", new JsonObject { ["spec"] = change.Fields["spec"]!.DeepClone() }.ToJsonString(), $"delete {target.Kind} {target.Namespace}/{target.Name}", step.Fault, null);
        }

        var before = new JsonObject();
        var after = new JsonObject();
        foreach (var path in JsonTools.Leaves(change.Fields))
        {
            var (exists, value) = path.Find(read.Value);
            before[path.ToString()] = exists ? value?.DeepClone() : null;
            after[path.ToString()] = path.Find(change.Fields).Value?.DeepClone();
        }

        return new PlannedChange(index, step.Kind, change.Description, target, before.ToJsonString(), after.ToJsonString(),
            "put these fields back as they were before and remove the drillbot.io annotations (other fields untouched)", step.Fault, null);
    }
}

using System.Text.Json.Nodes;
using DrillBot.Drills.Cluster;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Owners;
using DrillBot.Drills.Preflight;
using DrillBot.Drills.Steps;

namespace DrillBot.Drills.Permissions;

/// <summary>
/// Every verb a run of the drill needs, cluster by cluster, and every write it will make (for <c>dryRun=All</c>): the drill
/// lock, the preconditions, each step's read, change, watch and restore, the failover preflight's reads (the DestinationRule,
/// the mesh ConfigMap <c>istio</c> in istio-system, Endpoints and Pods in the regional clusters) and the owners it pauses.
/// The reads of the owner scan are checked by making them.
/// </summary>
internal sealed class PermissionPlan
{
    private readonly Dictionary<(string, AccessCheck), RequiredAccess> _access = [];
    private readonly List<(string Cluster, PlannedWrite Write, string Why)> _writes = [];

    public IReadOnlyList<RequiredAccess> Access => [.. _access.Values];

    public IReadOnlyList<(string Cluster, PlannedWrite Write, string Why)> Writes => _writes;

    public static PermissionPlan Build(DrillsConfig config, DrillDefinition drill, OwnerScan scan, IReadOnlyList<OwnerFinding> toPause, string runId, string leaseName)
    {
        var plan = new PermissionPlan();
        foreach (var cluster in drill.TouchedClusters)
        {
            plan.AddLease(cluster, "get", drill.Namespace, leaseName, "read the drill lock");
            plan.AddLease(cluster, "create", drill.Namespace, null, "create the drill lock the first time");
            plan.AddLease(cluster, "update", drill.Namespace, leaseName, "take, renew and release the drill lock");
        }

        foreach (var p in drill.Preconditions.OfType<ReadyReplicasPrecondition>())
        {
            plan.Add(p.Cluster, "get", ObjectKind.Deployment, null, p.Namespace, p.Deployment, $"check the precondition on Deployment {p.Deployment}'s ready replicas");
        }

        plan.AddSteps(drill, scan, runId);
        plan.AddFailoverReads(config, drill, scan);
        foreach (var owner in toPause)
        {
            var o = owner.Owner;
            plan.Add(o.Cluster, "patch", o.Kind, null, o.Namespace, o.Name, $"pause {owner.Describe()} for the run and restore it");
            plan.Add(o.Cluster, "watch", o.Kind, null, o.Namespace, o.Name, $"watch the paused {o.Kind} {o.Name} for changes by others");
            plan._writes.Add((o.Cluster, new PlannedWrite(WriteKind.Patch, o, StepExecutor.Merge(owner.Pause!, DrillAnnotations.Patch(runId, "{}"))), $"pause {owner.Describe()}"));
        }

        return plan;
    }

    private void AddSteps(DrillDefinition drill, OwnerScan scan, string runId)
    {
        var simulated = scan.Objects.ToDictionary(p => p.Key, p => p.Value?.DeepClone() as JsonObject);
        for (var i = 0; i < drill.Steps.Count; i++)
        {
            if (drill.Steps[i] is not ObjectStepDefinition step)
            {
                continue;
            }

            var t = ChangeBuilder.TargetOf(step);
            var current = simulated.GetValueOrDefault(t);
            var change = ChangeBuilder.Build(step, current);
            var what = $"{step.Kind} {t.Kind} {t.Namespace}/{t.Name} (step {i + 1})";
            Add(t.Cluster, "get", t.Kind, null, t.Namespace, t.Name, $"read and restore {t.Kind} {t.Name}");
            Add(t.Cluster, "watch", t.Kind, null, t.Namespace, t.Name, $"watch {t.Kind} {t.Name} for changes by others while the drill runs");
            if (change is null)
            {
                continue; // the step itself refuses (missing, or an EnvoyFilter that exists): nothing to check beyond the read
            }

            var annotations = DrillAnnotations.Patch(runId, DrillAnnotations.PriorOf(current, change.Fields, change.Kind));
            switch (change.Kind)
            {
                case ChangeKind.Create:
                    Add(t.Cluster, "create", t.Kind, null, t.Namespace, null, what);
                    Add(t.Cluster, "delete", t.Kind, null, t.Namespace, t.Name, $"delete the {t.Kind} {t.Name} the drill creates when restoring");
                    _writes.Add((t.Cluster, new PlannedWrite(WriteKind.Create, t, StepExecutor.Merge(change.Fields, annotations)), what));
                    break;
                case ChangeKind.Scale:
                    Add(t.Cluster, "patch", t.Kind, null, t.Namespace, t.Name, $"annotate {t.Kind} {t.Name} with its prior state and restore it");
                    Add(t.Cluster, "patch", t.Kind, "scale", t.Namespace, t.Name, what);
                    Add(t.Cluster, "get", t.Kind, "scale", t.Namespace, t.Name, $"check that the restored {t.Name} is ready again (failback)");
                    _writes.Add((t.Cluster, new PlannedWrite(WriteKind.Patch, t, annotations), $"annotate {t.Kind} {t.Name}"));
                    _writes.Add((t.Cluster, new PlannedWrite(WriteKind.Scale, t, change.Fields), what));
                    break;
                default:
                    Add(t.Cluster, "patch", t.Kind, null, t.Namespace, t.Name, $"{what} and restore it");
                    _writes.Add((t.Cluster, new PlannedWrite(WriteKind.Patch, t, StepExecutor.Merge(change.Fields, annotations)), what));
                    break;
            }

            simulated[t] = change.Kind == ChangeKind.Create ? change.Fields : Apply(current!, change.Fields);
        }
    }

    private void AddFailoverReads(DrillsConfig config, DrillDefinition drill, OwnerScan scan)
    {
        var regional = config.Clusters.Values.Where(c => c.Region is not null).ToList();
        var sources = regional.Count > 0 ? regional : [.. config.Clusters.Values];
        foreach (var target in FailoverTarget.Of(drill))
        {
            var rule = new ObjectRef(target.Cluster, ObjectKind.DestinationRule, target.Namespace, target.DestinationRule);
            Add(target.Cluster, "get", ObjectKind.DestinationRule, null, target.Namespace, target.DestinationRule, "read the failover DestinationRule (failover preflight)");
            Add(target.Cluster, "get", ObjectKind.ConfigMap, null, MeshConfig.Namespace, MeshConfig.Name, "read the mesh-wide localityLbSetting (failover preflight)");
            var host = target.Host(scan.Objects.GetValueOrDefault(rule));
            foreach (var cluster in sources)
            {
                Add(cluster.Name, "get", ObjectKind.Endpoints, null, target.Namespace, host, $"count the ready {host} endpoints of each region (failover preflight)");
                if (drill.Steps.OfType<FailWorkloadStep>().Any())
                {
                    Add(cluster.Name, "get", ObjectKind.Pod, null, target.Namespace, null, "see which endpoints the failWorkload selects (failover preflight)");
                }
            }
        }
    }

    private void Add(string cluster, string verb, ObjectKind kind, string? subresource, string ns, string? name, string why)
    {
        var (group, resource) = ResourceKinds.Of(kind);
        Add(cluster, new AccessCheck(verb, group, resource, subresource, ns, name), why);
    }

    private void AddLease(string cluster, string verb, string ns, string? name, string why) =>
        Add(cluster, new AccessCheck(verb, "coordination.k8s.io", "leases", null, ns, name), why);

    private void Add(string cluster, AccessCheck check, string why) => _access.TryAdd((cluster, check), new RequiredAccess(cluster, check, why));

    private static JsonObject Apply(JsonObject current, JsonObject patch)
    {
        var result = (JsonObject)current.DeepClone();
        foreach (var (key, value) in patch)
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else
            {
                result[key] = value is JsonObject p && result[key] is JsonObject c ? Apply(c, p) : value.DeepClone();
            }
        }

        return result;
    }
}

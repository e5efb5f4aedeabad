using System.Text.Json.Nodes;
using DrillBot.Drills.Cluster;
using DrillBot.Drills.Definitions;
using DrillBot.Drills.Journal;
using DrillBot.Drills.Steps;

namespace DrillBot.Drills.Owners;

/// <summary>
/// Reads, before anything changes, every object the drill's steps change and the controllers that own them: the Argo CD
/// Application or Flux Kustomization an object names, and for a scale step's Deployment the KEDA ScaledObjects and HPAs
/// whose scaleTargetRef names it. Reads only.
/// </summary>
internal sealed class OwnerDetector(Func<string, ClusterResult<IClusterClient>> clients)
{
    private readonly Dictionary<ObjectRef, JsonObject?> _objects = [];
    private readonly Dictionary<(string, ObjectKind, string), ObjectList?> _lists = [];
    private readonly List<ScanRead> _reads = [];
    private readonly List<ClusterError> _errors = [];
    private readonly HashSet<(string, string)> _keda = [];

    public static Task<OwnerScan> ScanAsync(DrillDefinition drill, Func<string, ClusterResult<IClusterClient>> clients, CancellationToken cancellationToken) =>
        new OwnerDetector(clients).RunAsync(drill, cancellationToken);

    private async Task<OwnerScan> RunAsync(DrillDefinition drill, CancellationToken cancellationToken)
    {
        var findings = new List<OwnerFinding>();
        foreach (var step in drill.Steps.OfType<ObjectStepDefinition>())
        {
            var target = ChangeBuilder.TargetOf(step);
            if (_objects.ContainsKey(target))
            {
                continue;
            }

            var obj = await ReadAsync(target, $"read {target.Kind} {target.Namespace}/{target.Name} before changing it ({step.Kind})", cancellationToken);
            if (obj is null)
            {
                continue; // created by the drill, or missing (the step reports it): nobody owns it
            }

            foreach (var (type, ns, name) in GitOpsOwners.Named(obj))
            {
                var ownerRef = new ObjectRef(target.Cluster, type == OwnerType.ArgoCd ? ObjectKind.Application : ObjectKind.Kustomization, ns, name);
                var owner = await ReadAsync(ownerRef, $"read the {(type == OwnerType.ArgoCd ? "Argo CD Application" : "Flux Kustomization")} that manages {target.Kind} {target.Name}", cancellationToken);
                findings.Add(GitOpsOwners.Judge(type, ownerRef, target, owner, obj));
            }

            if (step is ScaleStep scale)
            {
                findings.AddRange(await ScalersAsync(scale, target, cancellationToken));
            }
        }

        return new OwnerScan(findings, _objects, _reads, _errors) { KedaServed = _keda };
    }

    private async Task<IEnumerable<OwnerFinding>> ScalersAsync(ScaleStep step, ObjectRef target, CancellationToken cancellationToken)
    {
        var found = new List<OwnerFinding>();
        var scaledObjects = await ListAsync(target.Cluster, ObjectKind.ScaledObject, target.Namespace, "find KEDA ScaledObjects that scale the Deployment", cancellationToken);
        foreach (var so in scaledObjects.Where(o => AutoscalerOwners.Targets(o, target.Name)))
        {
            found.Add(AutoscalerOwners.Keda(RefOf(target, ObjectKind.ScaledObject, so), step, target, so));
        }

        var hpas = await ListAsync(target.Cluster, ObjectKind.HorizontalPodAutoscaler, target.Namespace, "find HorizontalPodAutoscalers that scale the Deployment", cancellationToken);
        foreach (var hpa in hpas.Where(o => AutoscalerOwners.Targets(o, target.Name) && !AutoscalerOwners.OwnedByKeda(o)))
        {
            found.Add(AutoscalerOwners.Hpa(RefOf(target, ObjectKind.HorizontalPodAutoscaler, hpa), step, target, hpa));
        }

        return found;
    }

    private static ObjectRef RefOf(ObjectRef target, ObjectKind kind, JsonObject obj) =>
        new(target.Cluster, kind, target.Namespace, obj["metadata"]?["name"]?.ToString() ?? "?");

    private async Task<JsonObject?> ReadAsync(ObjectRef target, string why, CancellationToken cancellationToken)
    {
        if (_objects.TryGetValue(target, out var known))
        {
            return known;
        }

        var client = clients(target.Cluster);
        var read = client.Ok ? await client.Value!.GetAsync(target, cancellationToken) : client.As<JsonObject?>();
        var (group, resource) = ResourceKinds.Of(target.Kind);
        Record(target.Cluster, new AccessCheck("get", group, resource, null, target.Namespace, target.Name), why, read.Error);
        _objects[target] = read.Value;
        return read.Value;
    }

    private async Task<IReadOnlyList<JsonObject>> ListAsync(string cluster, ObjectKind kind, string ns, string why, CancellationToken cancellationToken)
    {
        if (!_lists.TryGetValue((cluster, kind, ns), out var list))
        {
            var client = clients(cluster);
            var read = client.Ok ? await client.Value!.ListAsync(kind, ns, cancellationToken) : client.As<ObjectList>();
            list = read.Value;
            _lists[(cluster, kind, ns)] = list;
            if (list?.Served != false)
            {
                var (group, resource) = ResourceKinds.Of(kind);
                Record(cluster, new AccessCheck("list", group, resource, null, ns, null), why, read.Error);
            }

            if (kind == ObjectKind.ScaledObject && list?.Served == true)
            {
                _keda.Add((cluster, ns));
            }
        }

        return list?.Items ?? [];
    }

    private void Record(string cluster, AccessCheck check, string why, ClusterError? error)
    {
        var forbidden = error?.Kind == ClusterErrorKind.Forbidden;
        _reads.Add(new ScanRead(cluster, check, why, error is null || error.Kind == ClusterErrorKind.NotFound, forbidden ? error!.Message : null));
        if (error is not null && !forbidden && error.Kind != ClusterErrorKind.NotFound)
        {
            _errors.Add(error);
        }
    }
}

using System.Text.Json.Nodes;
using DrillBot.Lab.Api;
using DrillBot.Lab.State;

namespace DrillBot.Lab.Controllers;

/// <summary>
/// Argo CD self-heal and Flux drift correction. The Lab has no git: an owned object's desired state is its labels,
/// annotations and spec as they were when the owner first saw it. A reconcile of an owner that self-heals (Argo CD:
/// <c>syncPolicy.automated.selfHeal</c>, not disabled, no <c>skip-reconcile</c>; Flux: not <c>spec.suspend</c>) writes every
/// drifted field of that desired state back, as <c>argocd-controller</c> / <c>kustomize-controller</c>. Fields the desired
/// state does not have (e.g. the drill's own annotations) are left alone, as a three-way or server-side apply leaves them.
/// </summary>
internal sealed class GitOpsController(LabWorld world)
{
    private readonly Dictionary<(OwnerRef Owner, string Kind, string Namespace, string Name), JsonObject> _desired = [];

    /// <summary>The owners (present in this context) that <paramref name="obj"/> names.</summary>
    public IEnumerable<OwnerRef> OwnersOf(ContextState context, JsonObject obj)
    {
        foreach (var (kind, ns, name) in GitOpsOwnership.OwnersOf(obj))
        {
            var found = context.Store.List(kind, ns).FirstOrDefault(o => ObjectMetadata.Name(o) == name);
            if (found is not null)
            {
                yield return new OwnerRef(context.Name, kind, found["metadata"]!["namespace"]!.ToString(), name);
            }
        }
    }

    /// <summary>Records the desired state of every owned object not recorded yet.</summary>
    public void SnapshotAll(ContextState context)
    {
        foreach (var kind in GitOpsOwnership.OwnableKinds)
        {
            foreach (var obj in context.Store.List(kind, null))
            {
                foreach (var owner in OwnersOf(context, obj))
                {
                    Snapshot(owner, kind, obj, onlyIfNew: true);
                }
            }
        }
    }

    public void Snapshot(OwnerRef owner, string kind, JsonObject obj, bool onlyIfNew)
    {
        var key = (owner, kind, obj["metadata"]!["namespace"]!.ToString(), ObjectMetadata.Name(obj)!);
        if (onlyIfNew && _desired.ContainsKey(key))
        {
            return;
        }

        var desired = new JsonObject { ["spec"] = obj["spec"]?.DeepClone() };
        var meta = new JsonObject();
        foreach (var part in new[] { "labels", "annotations" })
        {
            if (obj["metadata"]?[part] is JsonObject map)
            {
                meta[part] = map.DeepClone();
            }
        }

        desired["metadata"] = meta;
        _desired[key] = desired;
    }

    public void Reconcile(ContextState context, OwnerRef owner, DateTimeOffset now)
    {
        if (context.Store.Get(owner.Kind, owner.Namespace, owner.Name) is not { } ownerObject || !GitOpsOwnership.SelfHeals(ownerObject))
        {
            return;
        }

        foreach (var ((o, kind, ns, name), desired) in _desired.Where(d => d.Key.Owner == owner).ToList())
        {
            if (context.Store.Get(kind, ns, name) is not { } live || (owner.Kind == OwnerKinds.Kustomization && GitOpsOwnership.FluxDisabled(live)))
            {
                continue;
            }

            var (patch, fields) = Drift(desired, live);
            if (fields.Count == 0)
            {
                continue;
            }

            var type = ResourceCatalog.All.First(t => t.Kind == kind);
            var manager = owner.Kind == OwnerKinds.Application ? OwnerKinds.ArgoManager : OwnerKinds.FluxManager;
            var result = ControllerWrites.MergePatch(world, context, type, ns, name, patch, manager, now);
            var what = owner.Kind == OwnerKinds.Application ? "Argo CD self-heal" : "Flux drift correction";
            world.Record(now, LabEventKinds.OwnerActed, context, $"{kind}/{ns}/{name}",
                $"{what} by {owner} reverted {string.Join(", ", fields)} (HTTP {result.Status}, manager {manager})");
        }
    }

    /// <summary>A merge patch that puts every drifted leaf of <paramref name="desired"/> back, and those leaves' paths.</summary>
    private static (JsonObject Patch, List<string> Fields) Drift(JsonObject desired, JsonObject live)
    {
        var patch = new JsonObject();
        var fields = new List<string>();
        void Walk(JsonObject want, JsonNode? have, JsonObject into, string path)
        {
            foreach (var (key, value) in want)
            {
                var child = have is JsonObject h ? h[key] : null;
                var p = path.Length == 0 ? key : $"{path}.{key}";
                if (value is JsonObject sub && sub.Count > 0)
                {
                    var nested = new JsonObject();
                    Walk(sub, child, nested, p);
                    if (nested.Count > 0)
                    {
                        into[key] = nested;
                    }
                }
                else if (!JsonNode.DeepEquals(value, child))
                {
                    into[key] = value?.DeepClone();
                    fields.Add(p);
                }
            }
        }

        Walk(desired, live, patch, "");
        return (patch, fields);
    }
}

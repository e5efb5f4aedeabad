using System.Text.Json.Nodes;
using DrillBot.Lab.Api;
using DrillBot.Lab.Controllers;
using DrillBot.Lab.Mesh;

namespace DrillBot.Lab.State;

/// <summary>
/// Creates the topology's owners at start: the Application / Kustomization / ScaledObject / HorizontalPodAutoscaler objects,
/// and the tracking labels or annotation on each object a GitOps owner manages (as Argo CD and Flux leave them).
/// </summary>
internal static class OwnerSeeder
{
    public static void Seed(LabWorld world, DateTimeOffset now)
    {
        foreach (var spec in world.Topology.Owners)
        {
            var context = world.FindContext(spec.Context)!;
            var ns = spec.NamespaceOr(world.Namespace);
            var (apiVersion, body) = spec.Kind switch
            {
                LabOwnerKind.ArgoCd => ($"{OwnerKinds.ArgoGroup}/v1alpha1", Application(spec, world.Namespace)),
                LabOwnerKind.Flux => ($"{OwnerKinds.FluxGroup}/v1", Kustomization(spec)),
                LabOwnerKind.Keda => ($"{OwnerKinds.KedaGroup}/v1alpha1", ScaledObject(spec)),
                _ => ("autoscaling/v2", Hpa(spec)),
            };
            var kind = OwnerKinds.KindOf(spec.Kind);
            var obj = new JsonObject
            {
                ["apiVersion"] = apiVersion,
                ["kind"] = kind,
                ["metadata"] = ObjectMetadata.New(spec.Name, ns, PodNames.Uid(world.Random), context.Store.NextResourceVersion(), now),
                ["spec"] = body,
            };
            context.Store.Put(kind, ns, spec.Name, obj);
            foreach (var owned in spec.Objects)
            {
                Track(world, context, spec, ns, owned);
            }
        }
    }

    private static void Track(LabWorld world, State.ContextState context, LabOwnerSpec spec, string ownerNs, string owned)
    {
        var (kind, name) = (owned.Split('/')[0], owned.Split('/')[1]);
        var current = context.Store.Get(kind, world.Namespace, name)!;
        var updated = (JsonObject)current.DeepClone();
        var meta = (JsonObject)updated["metadata"]!;
        var labels = meta["labels"] as JsonObject ?? [];
        var annotations = meta["annotations"] as JsonObject ?? [];
        if (spec.Kind == LabOwnerKind.Flux)
        {
            labels[OwnerKinds.FluxNameLabel] = spec.Name;
            labels[OwnerKinds.FluxNamespaceLabel] = ownerNs;
        }
        else if (spec.TrackByLabel)
        {
            labels[OwnerKinds.ArgoInstanceLabel] = spec.Name;
        }
        else
        {
            var group = kind == ResourceCatalog.DeploymentKind ? "apps" : IstioKinds.Group;
            annotations[OwnerKinds.ArgoTrackingAnnotation] = $"{spec.Name}:{group}/{kind}:{world.Namespace}/{name}";
        }

        meta["labels"] = labels;
        meta["annotations"] = annotations;
        CanonicalJson.DropEmptyMetadataMaps(updated);
        meta["resourceVersion"] = context.Store.NextResourceVersion();
        context.Store.Put(kind, world.Namespace, name, updated);
    }

    private static JsonObject Application(LabOwnerSpec spec, string destination) => new()
    {
        ["project"] = "default",
        ["source"] = new JsonObject { ["repoURL"] = "https://git.example.com/bookinfo.git", ["path"] = spec.Name, ["targetRevision"] = "HEAD" },
        ["destination"] = new JsonObject { ["server"] = "https://kubernetes.default.svc", ["namespace"] = destination },
        ["syncPolicy"] = new JsonObject { ["automated"] = new JsonObject { ["prune"] = true, ["selfHeal"] = spec.SelfHeal } },
    };

    private static JsonObject Kustomization(LabOwnerSpec spec) => new()
    {
        ["interval"] = "10m",
        ["path"] = $"./{spec.Name}",
        ["prune"] = true,
        ["sourceRef"] = new JsonObject { ["kind"] = "GitRepository", ["name"] = spec.Name },
    };

    private static JsonObject ScaledObject(LabOwnerSpec spec) => new()
    {
        ["scaleTargetRef"] = new JsonObject { ["name"] = spec.Target },
        ["minReplicaCount"] = spec.Min,
        ["maxReplicaCount"] = spec.MaxReplicas,
        ["triggers"] = new JsonArray(new JsonObject
        {
            ["type"] = "prometheus",
            ["metadata"] = new JsonObject { ["serverAddress"] = "http://prometheus.istio-system:9090", ["query"] = $"sum(rate(istio_requests_total{{destination_workload=\"{spec.Target}\"}}[1m]))", ["threshold"] = "50" },
        }),
    };

    private static JsonObject Hpa(LabOwnerSpec spec) => new()
    {
        ["scaleTargetRef"] = new JsonObject { ["apiVersion"] = "apps/v1", ["kind"] = "Deployment", ["name"] = spec.Target },
        ["minReplicas"] = spec.Min,
        ["maxReplicas"] = spec.MaxReplicas,
        ["metrics"] = new JsonArray(new JsonObject
        {
            ["type"] = "Resource",
            ["resource"] = new JsonObject { ["name"] = "cpu", ["target"] = new JsonObject { ["type"] = "Utilization", ["averageUtilization"] = 80 } },
        }),
    };
}

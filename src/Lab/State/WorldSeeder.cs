using System.Text.Json.Nodes;
using DrillBot.Lab.Api;
using DrillBot.Lab.Mesh;

namespace DrillBot.Lab.State;

/// <summary>Creates the world as it is when the Lab starts: Deployments with ready pods, the runbook's Istio objects.</summary>
internal static class WorldSeeder
{
    public static void Seed(LabWorld world, DateTimeOffset now)
    {
        world.Control.ResetRegions();
        foreach (var context in world.Contexts)
        {
            foreach (var spec in context.Spec.Deployments)
            {
                var deployment = DeploymentFactory.Create(spec, world.Namespace, PodNames.Uid(world.Random),
                    context.Store.NextResourceVersion(), now, world.Topology.Template);
                context.Store.Put(ResourceCatalog.DeploymentKind, world.Namespace, spec.Name, deployment);
                world.Pods.CreateInitial(context, spec, now);
                DeploymentStatusWriter.Refresh(world, context, spec.Name, now);
            }
        }

        var mesh = world.MeshContext;
        foreach (var (kind, name, spec) in IstioDefaults.Objects())
        {
            var obj = new JsonObject
            {
                ["apiVersion"] = $"{IstioKinds.Group}/v1alpha3",
                ["kind"] = kind,
                ["metadata"] = ObjectMetadata.New(name, world.Namespace, PodNames.Uid(world.Random), mesh.Store.NextResourceVersion(), now),
                ["spec"] = spec,
            };
            mesh.Store.Put(kind, world.Namespace, name, obj);
        }

        // Istio's mesh config, as istiod reads it: ConfigMap istio in istio-system, data.mesh (docs/lab.md, Fidelity).
        var meshConfig = MeshConfigMap.Initial(world.Topology.Mesh.LocalityLbEnabledByDefault);
        meshConfig["metadata"] = ObjectMetadata.New(MeshConfigMap.Name, MeshConfigMap.Namespace, PodNames.Uid(world.Random), mesh.Store.NextResourceVersion(), now);
        mesh.Store.Put(MeshConfigMap.Kind, MeshConfigMap.Namespace, MeshConfigMap.Name, meshConfig);
    }
}

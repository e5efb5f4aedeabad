using System.Text.Json.Nodes;
using DrillBot.Lab.Mesh;
using DrillBot.Lab.State;

namespace DrillBot.Lab.Api;

/// <summary>JSON for the generated read-only objects.</summary>
internal static class WorkloadObjects
{
    public static JsonObject Namespace(string name, DateTimeOffset created) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["creationTimestamp"] = KubeTime.Format(created),
            ["labels"] = new JsonObject { ["kubernetes.io/metadata.name"] = name },
        },
        ["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") },
        ["status"] = new JsonObject { ["phase"] = "Active" },
    };

    public static JsonObject Pod(LabWorld world, PodRecord pod)
    {
        var ready = pod.Phase == PodPhase.Ready;
        var hash = world.Pods.TemplateHash(pod.Context, pod.Deployment);
        var meta = ObjectMetadata.New(pod.Name, world.Namespace, pod.Uid, pod.ResourceVersion, pod.CreatedAt, withGeneration: false);
        meta["generateName"] = $"{pod.Deployment}-{hash}-";
        meta["labels"] = new JsonObject { ["app"] = pod.App, ["version"] = pod.Version, ["pod-template-hash"] = hash };
        meta["ownerReferences"] = new JsonArray(new JsonObject
        {
            ["apiVersion"] = "apps/v1", ["kind"] = "ReplicaSet", ["name"] = $"{pod.Deployment}-{hash}",
            ["uid"] = "00000000-0000-4000-8000-000000000000", ["controller"] = true, ["blockOwnerDeletion"] = true,
        });
        if (pod.TerminatingAt is { } terminating)
        {
            meta["deletionTimestamp"] = KubeTime.Format(terminating + TimeSpan.FromSeconds(30));
            meta["deletionGracePeriodSeconds"] = 30;
        }

        var condition = (string type, bool value) => new JsonObject
        {
            ["type"] = type, ["status"] = value ? "True" : "False",
            ["lastTransitionTime"] = KubeTime.Format(pod.ReadyAt ?? pod.CreatedAt),
        };
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = meta,
            ["spec"] = new JsonObject
            {
                ["containers"] = new JsonArray(new JsonObject
                {
                    ["name"] = pod.App,
                    ["image"] = $"docker.io/istio/examples-bookinfo-{pod.App}-{pod.Version}",
                    ["ports"] = new JsonArray(new JsonObject { ["containerPort"] = 9080, ["protocol"] = "TCP" }),
                }),
                ["nodeName"] = $"{pod.Context.Region}.node-{pod.Context.Index}",
                ["serviceAccountName"] = $"bookinfo-{pod.App}",
            },
            ["status"] = new JsonObject
            {
                ["phase"] = pod.Phase == PodPhase.Starting ? "Pending" : "Running",
                ["conditions"] = new JsonArray(condition("Initialized", true), condition("Ready", ready), condition("ContainersReady", ready), condition("PodScheduled", true)),
                ["podIP"] = pod.Ip,
                ["podIPs"] = new JsonArray(new JsonObject { ["ip"] = pod.Ip }),
                ["hostIP"] = $"192.168.{pod.Context.Index}.10",
                ["startTime"] = KubeTime.Format(pod.CreatedAt),
                ["containerStatuses"] = new JsonArray(new JsonObject
                {
                    ["name"] = pod.App, ["ready"] = ready, ["restartCount"] = 0, ["started"] = pod.Phase != PodPhase.Starting,
                    ["image"] = $"docker.io/istio/examples-bookinfo-{pod.App}-{pod.Version}",
                }),
            },
        };
    }

    public static JsonObject Endpoints(LabWorld world, ContextState context, string app)
    {
        var pods = world.Pods.LiveIn(context).Where(p => p.App == app).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        JsonObject Address(PodRecord p) => new()
        {
            ["ip"] = p.Ip,
            ["nodeName"] = $"{context.Region}.node-{context.Index}",
            ["targetRef"] = new JsonObject { ["kind"] = "Pod", ["name"] = p.Name, ["namespace"] = world.Namespace, ["uid"] = p.Uid },
        };
        var ready = pods.Where(p => p.InRoutingSet && p.Serving).Select(p => (JsonNode)Address(p)).ToArray();
        var notReady = pods.Where(p => !p.InRoutingSet && p.Phase is PodPhase.Starting or PodPhase.Ready).Select(p => (JsonNode)Address(p)).ToArray();
        var subset = new JsonObject();
        if (ready.Length > 0)
        {
            subset["addresses"] = new JsonArray(ready);
        }

        if (notReady.Length > 0)
        {
            subset["notReadyAddresses"] = new JsonArray(notReady);
        }

        subset["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["port"] = 9080, ["protocol"] = "TCP" });
        var obj = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Endpoints",
            ["metadata"] = ServiceMeta(world, context, app),
        };
        if (ready.Length + notReady.Length > 0)
        {
            obj["subsets"] = new JsonArray(subset);
        }

        return obj;
    }

    public static JsonObject Service(LabWorld world, ContextState context, string app)
    {
        var spec = new JsonObject
        {
            ["type"] = "ClusterIP",
            ["clusterIP"] = $"172.{16 + context.Index}.0.{10 + (StableHash(app) % 200)}",
            ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["port"] = 9080, ["protocol"] = "TCP", ["targetPort"] = 9080 }),
            ["selector"] = new JsonObject { ["app"] = app },
        };
        if (world.Topology.ServiceFor(app).TrafficDistribution is { } distribution)
        {
            spec["trafficDistribution"] = distribution;
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Service",
            ["metadata"] = ServiceMeta(world, context, app),
            ["spec"] = spec,
        };
    }

    private static JsonObject ServiceMeta(LabWorld world, ContextState context, string app)
    {
        var meta = ObjectMetadata.New(app, world.Namespace, $"00000000-0000-4000-8000-{context.Index:D4}{StableHash(app):D8}", context.Store.Revision,
            world.StartedAt, withGeneration: false);
        meta["labels"] = new JsonObject { ["app"] = app, ["service"] = app };
        return meta;
    }

    private static int StableHash(string text) => text.Aggregate(17, (h, c) => unchecked((h * 31) + c)) & 0x7FFFFFF % 100_000_000;
}

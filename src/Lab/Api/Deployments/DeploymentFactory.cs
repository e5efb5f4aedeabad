using System.Text.Json.Nodes;

namespace DrillBot.Lab.Api;

/// <summary>A Bookinfo Deployment object as <c>kubectl apply</c> of the runbook's manifests leaves it.</summary>
internal static class DeploymentFactory
{
    public static JsonObject Create(LabDeploymentSpec spec, string ns, string uid, string resourceVersion, DateTimeOffset created, LabHtmlTemplate template)
    {
        var tag = template == LabHtmlTemplate.Classic ? "1.16.2" : "1.20.2";
        var meta = ObjectMetadata.New(spec.Name, ns, uid, resourceVersion, created);
        meta["labels"] = Labels(spec);
        meta["annotations"] = new JsonObject { ["deployment.kubernetes.io/revision"] = "1" };
        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = meta,
            ["spec"] = new JsonObject
            {
                ["replicas"] = spec.Replicas,
                ["selector"] = new JsonObject { ["matchLabels"] = Labels(spec) },
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["labels"] = Labels(spec) },
                    ["spec"] = new JsonObject
                    {
                        ["serviceAccountName"] = $"bookinfo-{spec.App}",
                        ["containers"] = new JsonArray(new JsonObject
                        {
                            ["name"] = spec.App,
                            ["image"] = $"docker.io/istio/examples-bookinfo-{spec.App}-{spec.Version}:{tag}",
                            ["imagePullPolicy"] = "IfNotPresent",
                            ["ports"] = new JsonArray(new JsonObject { ["containerPort"] = 9080, ["protocol"] = "TCP" }),
                            ["resources"] = new JsonObject(),
                            ["securityContext"] = new JsonObject { ["runAsUser"] = 1000 },
                            ["terminationMessagePath"] = "/dev/termination-log",
                            ["terminationMessagePolicy"] = "File",
                        }),
                        ["dnsPolicy"] = "ClusterFirst",
                        ["restartPolicy"] = "Always",
                        ["schedulerName"] = "default-scheduler",
                        ["securityContext"] = new JsonObject(),
                        ["terminationGracePeriodSeconds"] = 30,
                    },
                },
                ["strategy"] = new JsonObject
                {
                    ["type"] = "RollingUpdate",
                    ["rollingUpdate"] = new JsonObject { ["maxSurge"] = "25%", ["maxUnavailable"] = "25%" },
                },
                ["revisionHistoryLimit"] = 10,
                ["progressDeadlineSeconds"] = 600,
            },
            ["status"] = new JsonObject(),
        };
    }

    private static JsonObject Labels(LabDeploymentSpec spec) => new() { ["app"] = spec.App, ["version"] = spec.Version };
}

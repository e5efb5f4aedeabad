using k8s;
using k8s.Models;

namespace DrillBot.Lab.Tests;

/// <summary>The DestinationRule/VirtualService changes drills make, applied through KubernetesClient.</summary>
internal static class MeshPolicies
{
    public const string Failover = """
        {"spec":{"trafficPolicy":{"connectionPool":{"http":{"maxRequestsPerConnection":1}},
          "outlierDetection":{"consecutive5xxErrors":1,"interval":"1s","baseEjectionTime":"1m","maxEjectionPercent":100},
          "loadBalancer":{"localityLbSetting":{"enabled":true,"failover":[{"from":"cn-hangzhou","to":"cn-shanghai"},{"from":"cn-shanghai","to":"cn-hangzhou"}]}}}}}
        """;

    public const string Distribute = """
        {"spec":{"trafficPolicy":{"loadBalancer":{"localityLbSetting":{"enabled":true,
          "distribute":[{"from":"cn-hangzhou/*","to":{"cn-hangzhou/*":90,"cn-shanghai/*":10}}]}}}}}
        """;

    public static Task PatchReviewsAsync(TestLab lab, string mergePatch, string version = "v1") =>
        lab.Kube("asm").CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(mergePatch, V1Patch.PatchType.MergePatch), "networking.istio.io", version, "default", "destinationrules", "reviews");

    public static Task CreateReviewsAbortAsync(TestLab lab, string subset, int status = 503, double percent = 100) =>
        lab.Kube("asm").CustomObjects.CreateNamespacedCustomObjectAsync(
            new Dictionary<string, object>
            {
                ["apiVersion"] = "networking.istio.io/v1",
                ["kind"] = "VirtualService",
                ["metadata"] = new Dictionary<string, object> { ["name"] = "reviews" },
                ["spec"] = new Dictionary<string, object>
                {
                    ["hosts"] = new[] { "reviews" },
                    ["http"] = new[]
                    {
                        new Dictionary<string, object>
                        {
                            ["fault"] = new Dictionary<string, object>
                            {
                                ["abort"] = new Dictionary<string, object> { ["httpStatus"] = status, ["percentage"] = new Dictionary<string, object> { ["value"] = percent } },
                            },
                            ["route"] = new[] { new Dictionary<string, object> { ["destination"] = new Dictionary<string, object> { ["host"] = "reviews", ["subset"] = subset } } },
                        },
                    },
                },
            },
            "networking.istio.io", "v1", "default", "virtualservices");

    public static Task CreateReviewsDelayAsync(TestLab lab, string subset, string fixedDelay) =>
        lab.Kube("asm").CustomObjects.CreateNamespacedCustomObjectAsync(
            System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object>>("""
                {"apiVersion":"networking.istio.io/v1beta1","kind":"VirtualService","metadata":{"name":"reviews-delay"},
                 "spec":{"hosts":["reviews"],"http":[{"fault":{"delay":{"fixedDelay":"DELAY","percentage":{"value":100}}},
                 "route":[{"destination":{"host":"reviews","subset":"SUBSET"}}]}]}}
                """.Replace("DELAY", fixedDelay, StringComparison.Ordinal).Replace("SUBSET", subset, StringComparison.Ordinal))!,
            "networking.istio.io", "v1beta1", "default", "virtualservices");

    public static Task ScaleAsync(TestLab lab, string context, string deployment, int replicas) =>
        lab.Kube(context).AppsV1.PatchNamespacedDeploymentScaleAsync(
            new V1Patch($"{{\"spec\":{{\"replicas\":{replicas}}}}}", V1Patch.PatchType.MergePatch), deployment, "default");
}
